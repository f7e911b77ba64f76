#!/usr/bin/env bash
# Records what Net-SNMP's snmpget sends to (and receives from) the test snmpd for every USM user, as
# hex files for UsmNetSnmpTest. Run from the repository root:
#   peers/snmpd-start.sh 17161 /tmp/usm-snmpd
#   bash core/src/test/resources/dev/puresnmp/security/netsnmp/capture.sh 17161
#   peers/peer-stop.sh /tmp/usm-snmpd
set -euo pipefail
port=$1
out=$(dirname "$0")
oid=1.3.6.1.2.1.1.5.0   # sysName.0

# $1 = name, $2 = the snmpget -d output. Keeps the 2nd packet sent (the first is discovery) and the
# 2nd received (the first is the discovery report), each as "# header" lines and hex.
keep() {
  local name=$1 dump=$2 cmd=$3
  for which in Sending Received; do
    local file="$out/$name-$([ $which = Sending ] && echo request || echo response).hex"
    {
      echo "# $cmd"
      echo "# Net-SNMP $(snmpget --version 2>&1 | awk '{print $NF}'), the second packet \"$which\" in its -d dump"
      printf '%s\n' "$dump" | awk -v w="$which" '
        /^(Sending|Received) / { n[$1]++; on = ($1 == w && n[$1] == 2); next }
        on && /^[0-9][0-9][0-9][0-9]: / { line = substr($0, 7, 50); gsub(/ +/, " ", line); sub(/ $/, "", line); print line; next }
        { on = 0 }'
    } > "$file"
  done
}

for auth in md5 sha sha224 sha256 sha384 sha512; do
  a=$(echo $auth | sed -e 's/^sha\(...\)$/SHA-\1/' -e 's/^md5$/MD5/' -e 's/^sha$/SHA/')
  cmd="snmpget -v3 -u usr-$auth-none -l authNoPriv -a $a -A authpass123 -r 0 -t 2 -d 127.0.0.1:PORT $oid"
  keep "$auth-none" "$(${cmd/PORT/$port} 2>&1)" "$cmd"
done
for auth in md5 sha sha224 sha256; do
  a=$(echo $auth | sed -e 's/^sha\(...\)$/SHA-\1/' -e 's/^md5$/MD5/' -e 's/^sha$/SHA/')
  for priv in des aes aes192 aes256 aes192c aes256c; do
    x=$(echo $priv | sed -e 's/^aes\(...\)c$/AES-\1-C/' -e 's/^aes\(...\)$/AES-\1/' -e 's/^des$/DES/' -e 's/^aes$/AES/')
    cmd="snmpget -v3 -u usr-$auth-$priv -l authPriv -a $a -A authpass123 -x $x -X privpass123 -r 0 -t 2 -d 127.0.0.1:PORT $oid"
    keep "$auth-$priv" "$(${cmd/PORT/$port} 2>&1)" "$cmd"
  done
done
