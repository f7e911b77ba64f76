#!/bin/sh
# Fetches the standard MIB modules (SNMPv2-SMI, SNMPv2-TC, IF-MIB, RFC1213-MIB …) that snmptranslate
# needs and this machine lacks, from the npm package net-snmp, into DIR/package/lib/mibs. Installs
# nothing: npm pack only downloads the tarball.
# usage: fetch-standard-mibs.sh DIR [VERSION]
set -eu
dir=$1
version=${2:-3.29.2}
if [ -d "$dir/package/lib/mibs" ]; then
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
npm pack --silent "net-snmp@$version" >/dev/null
tar xzf "net-snmp-$version.tgz"
test -f package/lib/mibs/SNMPv2-SMI.mib
