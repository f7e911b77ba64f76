package dev.puresnmp.cli;

import dev.puresnmp.ber.MalformedPacketException;
import dev.puresnmp.message.Message;
import dev.puresnmp.message.MessageCodec;
import dev.puresnmp.message.ScopedPdu;
import dev.puresnmp.message.V3Message;
import dev.puresnmp.security.AuthProtocol;
import dev.puresnmp.security.Credentials;
import dev.puresnmp.security.DecryptionException;
import dev.puresnmp.security.PrivProtocol;
import dev.puresnmp.security.UsmKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puresnmp decode HEX… | -f FILE | -}: decodes SNMP messages given as hex or a Net-SNMP dump. */
@Command(
    name = "decode",
    footerHeading = "%nExamples:%n",
    footer = {"  puresnmp decode --json -"},
    mixinStandardHelpOptions = true,
    description = {
      "Decode an SNMP message given as hex and print it, varbinds as snmpget -On prints them.",
      "Accepts plain hex (spaces, newlines allowed) and Net-SNMP's -d dump (offsets and ASCII column "
          + "included; every Sending/Received packet in it is decoded)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:decoded", "2:malformed packet, bad hex or usage error"})
final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "HEX", description = "The message as hex; '-' reads standard input.")
  List<String> hex = List.of();

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the hex or dump from FILE ('-' for standard input).")
  Path file;

  @Option(names = "--json", description = "Print each message as one JSON object.")
  boolean json;

  @Mixin PassPhraseOptions passPhrases;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String text;
    if (file != null) {
      text = file.toString().equals("-") ? readStdin() : Files.readString(file, StandardCharsets.UTF_8);
    } else if (hex.size() == 1 && hex.get(0).equals("-")) {
      text = readStdin();
    } else if (!hex.isEmpty()) {
      text = String.join(" ", hex);
    } else {
      err.println("decode: give the message as HEX, -f FILE, or - for standard input");
      return 2;
    }
    List<byte[]> packets;
    try {
      packets = HexInput.parse(text);
    } catch (IllegalArgumentException e) {
      err.println("invalid hex: " + e.getMessage());
      return 2;
    }
    for (int i = 0; i < packets.size(); i++) {
      byte[] packet = packets.get(i);
      Message m;
      try {
        m = MessageCodec.decode(packet);
      } catch (MalformedPacketException e) {
        err.println("malformed packet at offset " + e.offset() + ": " + e.reason());
        out.flush();
        return 2;
      }
      MessagePrinter.Keys keys = m instanceof V3Message v3 ? keys(v3, packet) : MessagePrinter.Keys.NONE;
      if (json) {
        out.println(MessagePrinter.json(m, keys));
      } else {
        if (i > 0) {
          out.println();
        }
        out.print(MessagePrinter.text(m, keys));
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The secrets given, as a user: the authentication protocol is there even without an authentication
   * secret, since the privacy key is localized with its hash (a stand-in pass phrase then, never used).
   */
  private Credentials.V3 user(AuthProtocol auth, PrivProtocol priv, Credentials.V3.Key authKey, Credentials.V3.Key privKey) {
    CommandLine cl = spec.commandLine();
    Credentials.V3 user = Credentials.v3("decode");
    try {
      user = authKey != null ? user.auth(auth, authKey)
          : passPhrases.authPassPhrase != null ? user.auth(auth, passPhrases.authPassPhrase)
          : user.auth(auth, "no authentication secret given");
      user = privKey != null ? user.priv(priv, privKey)
          : passPhrases.privPassPhrase != null ? user.priv(priv, passPhrases.privPassPhrase)
          : user;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    return user;
  }

  /** What the pass phrases or keys given say of an SNMPv3 message: its MAC checked, its scoped PDU decrypted. */
  private MessagePrinter.Keys keys(V3Message m, byte[] packet) {
    byte[] engine = m.usm().engineId().toByteArray();
    AuthProtocol auth;
    PrivProtocol priv;
    try {
      auth = AuthProtocol.parse(passPhrases.authProtocol);
      priv = PrivProtocol.parse(passPhrases.privProtocol);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Credentials.V3.Key authKey = passPhrases.authKey(spec.commandLine());
    Credentials.V3 user = user(auth, priv, authKey, passPhrases.privKey(spec.commandLine()));
    UsmKeys keys = new UsmKeys(1);
    String check = null;
    boolean authGiven = authKey != null || passPhrases.authPassPhrase != null;
    if (authGiven && m.authenticated()) {
      boolean ok = auth.verifyMessage(keys.authKey(user, engine), packet, 0, packet.length);
      check = ok ? "verified (" + auth.netSnmpName() + ")" : "FAILED (" + auth.netSnmpName() + "): another pass phrase, key or protocol signed it";
    }
    ScopedPdu scoped = null;
    String decryption = null;
    if (user.priv() != null && m.encrypted()) {
      try {
        scoped = priv.decryptScopedPdu(keys.privKey(user, engine), m, List.of());
        decryption = "decrypted (" + priv.netSnmpName() + ")";
      } catch (DecryptionException | MalformedPacketException e) {
        decryption = "not decrypted (" + priv.netSnmpName() + "): another pass phrase, key or protocol encrypted it";
      }
    }
    return new MessagePrinter.Keys(check, decryption, scoped);
  }

  private static String readStdin() throws IOException {
    InputStream in = System.in;
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
