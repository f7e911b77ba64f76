package dev.puresnmp.mib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed module: its IMPORTS and its definitions in file order, before any name is resolved.
 *
 * @param file the file name shown in messages ("IF-MIB.txt", or "built-in" for the SMI base)
 * @param imports imported symbol → the module it comes from, in the order written
 * @param importAt module imported → its name after FROM, where "cannot find module" points
 * @param skipped what lenient parsing skipped, one problem per broken definition
 */
record ModuleSource(
    String name,
    String file,
    Map<String, String> imports,
    Map<String, Token> importAt,
    List<Definition> definitions,
    List<MibException> skipped) {
  ModuleSource {
    imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
    importAt = Collections.unmodifiableMap(new LinkedHashMap<>(importAt));
    definitions = List.copyOf(definitions);
    skipped = List.copyOf(skipped);
  }
}
