package dev.puresnmp.cli;

import dev.puresnmp.mib.FormatOptions;
import dev.puresnmp.mib.Mib;
import dev.puresnmp.mib.VarBindFormatter;
import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names on the SNMP commands, as Net-SNMP's tools take and print them with MIBs loaded: OIDs read from
 * the command line as snmp_parse_oid reads them (read_objid, then get_node: {@code .1.3.6.1.2.1.1.5.0},
 * {@code iso.3.6.1.2.1.1.5.0}, {@code sysName.0}, {@code SNMPv2-MIB::sysName.0}), and varbinds and OIDs
 * printed with the {@code -O} letters.
 *
 * <pre>{@code
 * OidNames names = new OidNames(mibOptions.loadForCommands(err), "S");
 * names.read(List.of("sysDescr.0"));                // [1.3.6.1.2.1.1.1.0]
 * names.format(vb);                                 // "SNMPv2-MIB::sysDescr.0 = STRING: …"
 * }</pre>
 */
final class OidNames {
  private static final Pattern NUMERIC = Pattern.compile("\\.?[0-9]+(\\.[0-9]+)*");

  private final MibOptions.Loaded loaded;
  private final FormatOptions options;
  private final InputOptions input;
  private Mib mib;
  private VarBindFormatter formatter;
  private TranslateTree tree;
  /**
   * Net-SNMP keeps the last detail until a failure prints it: a name found after read_objid failed
   * ("sysName.0": "Sub-id not found: (top) -> sysName") leaves its detail to the next failure that sets
   * none ("IF-MIB::ifFoo.1: Unknown Object Identifier (Sub-id not found: (top) -> sysName)").
   */
  private String leftDetail;

  /**
   * The -O words as one string for {@link FormatOptions#netSnmp}: each word's letters up to a {@code p},
   * whose precision is the rest of that word (Net-SNMP's {@code -Op} ends its word: {@code -Oqp.2 -Os} is
   * "qs" and precision ".2"); the last precision given goes at the end, after a {@code p}.
   */
  static String letters(List<String> words) {
    StringBuilder letters = new StringBuilder();
    String precision = null;
    for (String w : words) {
      int p = w.indexOf('p');
      letters.append(p < 0 ? w : w.substring(0, p));
      if (p >= 0) {
        precision = w.substring(p + 1);
      }
    }
    return precision == null ? letters.toString() : letters + "p" + precision;
  }

  /**
   * Picocli's reader of one -O word: a word whose first {@code p} ends it takes the next word as the
   * precision ({@code -Op 5.2} is kept as "p5.2"), as Net-SNMP's snmp_out_options does, whatever that
   * word is; with nothing after it, Net-SNMP's two lines.
   */
  static final class OutputWords implements picocli.CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec argSpec,
        picocli.CommandLine.Model.CommandSpec commandSpec) {
      if (args.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(), "Missing required parameter for option '-O' (OUTOPTS)");
      }
      String word = args.pop();
      if (word.indexOf('p') == word.length() - 1) {
        if (args.isEmpty()) {
          throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(),
              "Missing precision for -Op\nUnknown output option passed to -O: p.");
        }
        word += args.pop();
      }
      List<String> words = argSpec.getValue();
      List<String> all = words == null ? new ArrayList<>() : new ArrayList<>(words);
      all.add(word);
      argSpec.setValue(all);
    }
  }

  /** {@code letters}: the -O letters given, in order (already checked with {@link FormatOptions#netSnmp}). */
  OidNames(MibOptions.Loaded loaded, String letters) {
    this(loaded, letters, new InputOptions());
  }

  /** With the -I options: how names are read, and -Ih for what is printed. */
  OidNames(MibOptions.Loaded loaded, String letters, InputOptions input) {
    this.loaded = loaded;
    this.options = FormatOptions.netSnmp(letters).newBuilder().displayHints(!input.noHints).build();
    this.input = input;
  }

  /**
   * The OIDs of {@code texts}; for those that name nothing, Net-SNMP's lines ("sysDescrX.0: Unknown
   * Object Identifier (Sub-id not found: (top) -> sysDescrX)") in a {@link SnmpOptions.Refused}.
   */
  List<Oid> read(List<String> texts) {
    List<Oid> oids = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String text : texts) {
      Oid oid = read(text, failures);
      if (oid != null) {
        oids.add(oid);
      }
    }
    if (!failures.isEmpty()) {
      throw new SnmpOptions.Refused(failures.toArray(new String[0]));
    }
    return oids;
  }

  /**
   * The OID a {@code set} or {@code trap} value of type {@code o} names, read as the OIDs are; when it
   * names nothing, snmpset's line, which names the varbind's OID ("sysObjectID.0: Unknown Object
   * Identifier (Sub-id not found: (top) -> foo)"), in a {@link SnmpOptions.Refused}.
   */
  Oid readValue(String oidText, String valueText) {
    List<String> failures = new ArrayList<>();
    Oid oid = read(valueText, failures, oidText);
    if (oid == null) {
      throw new SnmpOptions.Refused(failures.toArray(new String[0]));
    }
    return oid;
  }

  private Oid read(String text, List<String> failures) {
    return read(text, failures, text);
  }

  /** {@code label}: what a failure's line names. */
  private Oid read(String given, List<String> failures, String label) {
    String text = input.apply(given);
    boolean fromTop = !input.ucd || text.startsWith(".");
    if (!input.random && !input.best && fromTop && NUMERIC.matcher(text).matches()) {
      try {
        return Oid.parse(text);
      } catch (IllegalArgumentException e) {
        // too long or an arc too large: as Net-SNMP, through read_objid below
      }
    }
    String module = TranslateCommand.moduleOf(text);
    if (module != null) {
      loaded.ensure(module); // Net-SNMP loads a module that a name asks for, or says it cannot find it
    }
    Mib m = mib();
    if (tree == null) {
      tree = new TranslateTree(m); // only for names: numeric OIDs need no tree
    }
    OidReader reader = new OidReader(m, tree, mod -> m.modules().contains(mod));
    Oid oid;
    String detail;
    if (input.random || module != null) {
      // snmp_parse_oid with -IR, or a module named: get_node only
      oid = reader.node(text);
      detail = reader.detail;
    } else if (input.best) {
      // -Ib: get_wild_node only; a name it does not find is printed with an empty message
      oid = reader.wild(text);
      if (oid == null) {
        failures.add(label + ": ");
      }
      return oid;
    } else {
      // snmp_parse_oid: read_objid (below mib-2 with -Iu), then get_node, then get_wild_node; the message is the last one set
      oid = reader.read(input.ucd ? InputOptions.belowMib2(text) : text);
      detail = reader.detail;
      if (oid == null) {
        oid = reader.node(text);
        detail = reader.detail != null ? reader.detail : detail;
        if (oid == null) {
          oid = reader.wild(text);
        }
      }
    }
    failures.addAll(reader.log);
    if (oid == null) {
      detail = detail != null ? detail : leftDetail;
      leftDetail = null;
      failures.add(label + ": Unknown Object Identifier" + (detail == null ? "" : " (" + detail + ")"));
    } else if (detail != null) {
      leftDetail = detail;
    }
    return oid;
  }

  /** Whether set values are checked against the MIB: false with {@code -Ir}. */
  boolean checksValues() {
    return !input.noChecks;
  }

  /** A varbind as snmpget prints it with these modules and -O letters. */
  String format(VarBind vb) {
    mib();
    return formatter.format(vb);
  }

  /** The value of a varbind as {@link #format} prints it, without the name: "INTEGER: up(1)". */
  String formatValue(VarBind vb) {
    mib();
    return formatter.formatValue(vb);
  }

  /** An OID as Net-SNMP's messages print it ("Failed object: …", "OID not increasing: …"). */
  String name(Oid oid) {
    return mib().name(oid, options);
  }

  /** The loaded Mib, with what the tree readers and formatter need; again after a module was loaded. */
  Mib mib() {
    if (loaded.mib() != mib) {
      mib = loaded.mib();
      formatter = mib.formatter(options);
      tree = null;
    }
    return mib;
  }
}
