package dev.puresnmp.cli;

import dev.puresnmp.mib.MibException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs what loading MIB modules found ({@code Mib.problems()}) in Net-SNMP 5.9's words, order and priorities
 * (err, warning: {@link NetSnmpLog}, standard error unless -L says otherwise), as snmptranslate and snmpget
 * log them while they read their modules:
 *
 * <pre>
 * MIB search path: /usr/share/snmp/mibs
 * Cannot find module (NO-SUCH-MIB): At line 4 in /usr/share/snmp/mibs/VENDOR-MIB.txt
 * Did not find 'fooType' in module #-1 (/usr/share/snmp/mibs/VENDOR-MIB.txt)
 * Unlinked OID in VENDOR-MIB: vendorLost ::= { nowhere 1 }
 * Undefined identifier: nowhere near line 5 of /usr/share/snmp/mibs/VENDOR-MIB.txt
 * Cannot adopt OID in VENDOR-MIB: vendorLost ::= { nowhere 1 }
 * </pre>
 *
 * <p>{@code -Pe} (errors off) silences missing modules and symbols and syntax errors, not the search path
 * nor unlinked OIDs. Each problem prints once, however often the modules are loaded again.
 */
final class MibWarnings {
  /** Our parser's "expected 'X' …, found 'Y'", which Net-SNMP words as Expected "X" (Y). */
  private static final Pattern EXPECTED_TOKEN = Pattern.compile("expected '([^']+)'.*, found '(.*)'");
  /** A clause where the end of a macro's clauses should be: Net-SNMP's "Bad format of optional clauses". */
  private static final Pattern AFTER_CLAUSES = Pattern.compile("expected '::=' after (\\S+) clauses, found '(.*)'");
  private static final Pattern EXPECTED_OID_PART = Pattern.compile("expected a name or number in the OID value of (.+), found '(.*)'");

  private final NetSnmpLog log;
  private final String searchPath;
  private final boolean errors;
  private final boolean anyFile;
  private final Map<String, Integer> printed = new HashMap<>();
  private final Deque<Boolean> resets = new ArrayDeque<>();
  private boolean searchPathShown;
  private String lastNotFound;

  /**
   * @param errors false with {@code -Pe}
   * @param anyFile whether the search path holds any file: Net-SNMP's line number of a module it cannot find
   *     is that of the last file it opened, 1 once it has scanned a MIB directory, else 0
   */
  MibWarnings(NetSnmpLog log, String searchPath, boolean errors, boolean anyFile) {
    this.log = log;
    this.searchPath = searchPath;
    this.errors = errors;
    this.anyFile = anyFile;
  }

  /**
   * Says, for each module of the list to load that will not be found, in order, whether a module of the list
   * loaded since the one before: Net-SNMP names a missing module again only then.
   */
  void expectMissing(List<Boolean> loadedBefore) {
    resets.addAll(loadedBefore);
  }

  /**
   * Prints the problems not printed before, in order: the modules are loaded again when a name asks for one
   * more, and what the first load found is found again (a problem found n times counts n times).
   */
  void print(List<MibException> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (MibException p : problems) {
      String key = key(p);
      int n = seen.merge(key, 1, Integer::sum);
      if (n > printed.getOrDefault(key, 0)) {
        printed.put(key, n);
        print(p);
      }
    }
  }

  /** Takes {@code problems} as printed without printing them: what loading Net-SNMP's default list finds. */
  void printed(List<MibException> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (MibException p : problems) {
      String key = key(p);
      printed.put(key, seen.merge(key, 1, Integer::sum));
    }
  }

  private static String key(MibException p) {
    return p.kind() + " " + p.getMessage() + " " + p.path().orElse("") + " " + p.subjects();
  }

  /** print_module_not_found: the search path once, then the module (not twice in a row). */
  void notFound(String module, String where) {
    if (!searchPathShown) {
      log.log(NetSnmpLog.ERR, "MIB search path: " + searchPath);
      searchPathShown = true;
    }
    if (errors && !module.equals(lastNotFound)) {
      log.log(NetSnmpLog.ERR, "Cannot find module (" + module + "): " + where);
    }
    lastNotFound = module;
  }

  /** A module given to load by name, not imported: "At line 1 in (none)". */
  void notFound(String module) {
    notFound(module, "At line " + (anyFile ? 1 : 0) + " in (none)");
  }

  private void print(MibException p) {
    List<String> s = p.subjects();
    String path = p.path().orElse(p.file().orElse("(none)"));
    switch (p.kind()) {
      case MODULE_NOT_FOUND -> {
        if (p.file().isEmpty()) {
          if (Boolean.TRUE.equals(resets.poll())) {
            lastNotFound = null;
          }
          notFound(s.get(0));
        } else {
          lastNotFound = null; // its importer was read since any module went missing before
          notFound(s.get(0), "At line " + p.line() + " in " + path);
        }
      }
      case SYMBOL_NOT_FOUND -> {
        if (errors) {
          log.log(NetSnmpLog.WARNING, "Did not find '" + s.get(0) + "' in module " + (s.size() > 1 ? s.get(1) : "#-1") + " (" + path + ")");
        }
      }
      case UNLINKED -> {
        log.log(NetSnmpLog.WARNING, "Unlinked OID in " + s.get(0) + ": " + s.get(1) + " ::= { " + s.get(2) + " " + s.get(3) + " }");
        log.log(NetSnmpLog.WARNING, "Undefined identifier: " + s.get(2) + " near line " + p.line() + " of " + path);
      }
      case NOT_ADOPTED -> log.log(NetSnmpLog.WARNING, "Cannot adopt OID in " + s.get(0) + ": " + s.get(1) + " ::= { " + s.get(2) + " " + s.get(3) + " }");
      case IMPORT_CYCLE -> { } // Net-SNMP says only that the symbols were not found
      default -> {
        if (errors && p.file().isEmpty()) {
          log.log(NetSnmpLog.ERR, p.getMessage()); // no place in a file: an unreadable file
        } else if (errors) {
          syntax(p).forEach(line -> log.log(NetSnmpLog.ERR, line + ": At line " + p.line() + " in " + path));
        }
      }
    }
  }

  /** Net-SNMP's words for the syntax errors it words alike; ours, capitalised, for the rest. */
  private static List<String> syntax(MibException p) {
    Matcher m = AFTER_CLAUSES.matcher(p.reason());
    if (m.matches()) {
      return List.of("Bad format of optional clauses (" + m.group(2) + ")", "Bad parse of " + m.group(1));
    }
    m = EXPECTED_OID_PART.matcher(p.reason());
    if (m.matches()) {
      return List.of("Expected label or number (" + m.group(2) + ")", "Bad object identifier", "Bad parse of " + m.group(1));
    }
    m = EXPECTED_TOKEN.matcher(p.reason());
    if (m.matches()) {
      return List.of("Expected \"" + m.group(1) + "\" (" + m.group(2) + ")");
    }
    String r = p.reason();
    return List.of(r.isEmpty() ? r : Character.toUpperCase(r.charAt(0)) + r.substring(1));
  }
}
