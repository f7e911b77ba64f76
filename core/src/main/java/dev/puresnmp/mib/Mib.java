package dev.puresnmp.mib;

import dev.puresnmp.smi.Oid;
import dev.puresnmp.smi.VarBind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loaded MIB modules as one OID tree: names to OIDs and back as Net-SNMP 5.9 prints them, and what the
 * modules say about each object. Immutable and safe to share between threads; load it once.
 *
 * <pre>{@code
 * Mib mib = Mib.builder().path(Path.of("/usr/share/snmp/mibs")).load("IF-MIB").build();
 * Oid oid = mib.oid("ifDescr.3");                      // 1.3.6.1.2.1.2.2.1.2.3
 * mib.name(oid);                                       // "IF-MIB::ifDescr.3"
 * mib.name(oid, Mib.NameStyle.SHORT);                  // "ifDescr.3"
 * mib.object("ifAdminStatus").orElseThrow().enums();   // {1=up, 2=down, 3=testing}
 * }</pre>
 *
 * <p>The SMI base modules (SNMPv2-SMI, SNMPv2-TC, SNMPv2-CONF, RFC1155-SMI, RFC-1212, RFC-1215 and the
 * groups of RFC1213-MIB) are built in, used where the search path has no file for them.
 */
public final class Mib {
  /**
   * Net-SNMP 5.9.3's default module list (NETSNMP_DEFAULT_MIBS as Debian builds it): what its tools load
   * when neither {@code -m} nor {@code $MIBS} says. Loaded leniently and {@link Builder#builtInWhereMissing
   * built in where missing}, it is taken from a linked image when the path gives its modules no file, or
   * the files of Debian's libsnmp-base unchanged: about a fifth of what loading and linking cost.
   */
  public static final List<String> NET_SNMP_DEFAULT_MODULES = List.of(
      "SNMPv2-MIB", "IF-MIB", "IP-MIB", "TCP-MIB", "UDP-MIB", "HOST-RESOURCES-MIB", "NOTIFICATION-LOG-MIB",
      "DISMAN-EVENT-MIB", "DISMAN-SCHEDULE-MIB", "HOST-RESOURCES-TYPES", "MTA-MIB", "NETWORK-SERVICES-MIB",
      "UCD-DISKIO-MIB", "UCD-DLMOD-MIB", "LM-SENSORS-MIB", "UCD-SNMP-MIB", "UCD-DEMO-MIB", "SNMP-TARGET-MIB",
      "NET-SNMP-AGENT-MIB", "SNMP-FRAMEWORK-MIB", "SNMP-MPD-MIB", "SNMP-USER-BASED-SM-MIB",
      "SNMP-VIEW-BASED-ACM-MIB", "SNMP-COMMUNITY-MIB", "IPV6-ICMP-MIB", "IPV6-MIB", "IPV6-TCP-MIB",
      "IPV6-UDP-MIB", "IP-FORWARD-MIB", "NET-SNMP-PASS-MIB", "NET-SNMP-EXTEND-MIB", "SNMP-NOTIFICATION-MIB",
      "SNMPv2-TM", "NET-SNMP-VACM-MIB");

  private final MibTree tree;
  private final MibNames names;
  private final NameReader reader;
  private final List<MibObject> objects;
  private final List<String> modules;
  private final List<MibException> problems;

  private Mib(MibTree tree, List<MibObject> objects, List<String> modules, List<MibException> problems) {
    this.tree = tree;
    this.names = new MibNames(tree);
    this.reader = new NameReader(tree, names);
    this.objects = Collections.unmodifiableList(objects);
    this.modules = modules;
    this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
  }

  /** A builder with an empty search path, strict. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The built-in modules, read from a precompiled resource on first use (once: about 15 ms in a fresh
   * JVM; each object is decoded when first asked for) and shared after: SNMPv2-MIB, IF-MIB, IANAifType-MIB, RFC1213-MIB, Net-SNMP's NET-SNMP-*,
   * UCD-SNMP-MIB, UCD-DISKIO-MIB and LM-SENSORS-MIB with what they import. No MIB file is needed. Equal,
   * object for object, to what {@link #builder} loads from those files (docs/mibs.md, "Built-in MIB-2").
   *
   * <pre>{@code
   * Mib mib = Mib.builtIn();
   * mib.oid("sysDescr.0");                               // 1.3.6.1.2.1.1.1.0
   * mib.name(Oid.parse("1.3.6.1.2.1.2.2.1.2.3"));        // "IF-MIB::ifDescr.3"
   * }</pre>
   */
  public static Mib builtIn() {
    return BuiltIn.MIB;
  }

  /** The {@link Mib} of a linked image, with the problems its load reported. */
  static Mib of(MibImage image, List<MibException> problems) {
    return new Mib(image.tree(), image.objects(), image.moduleNames(), problems);
  }

  /** Read when first asked for; the JVM initialises a class once, so this is thread-safe (JLS §12.4.2). */
  private static final class BuiltIn {
    static final MibImage IMAGE = MibImageReader.builtIn();
    static final Mib MIB = new Mib(IMAGE.tree(), IMAGE.objects(), IMAGE.moduleNames(), List.of());
  }

  /** How {@link #name(Oid, NameStyle)} names an OID: Net-SNMP's output options. */
  public enum NameStyle {
    /** "SNMPv2-MIB::sysName.0", Net-SNMP's default ({@code -OS}). */
    MODULE,
    /** ".iso.org.dod.internet.mgmt.mib-2.system.sysName.0" ({@code -Of}). */
    FULL,
    /** "sysName.0" ({@code -Os}). */
    SHORT,
    /** ".1.3.6.1.2.1.1.5.0" ({@code -On}). */
    NUMERIC,
    /**
     * "system.sysName.0", "enterprises.8072.3.2.10" ({@code -Ou}, UCD style): the full name without
     * ".iso.org.dod.internet.mgmt.mib-2.", ".iso.org.dod.internet.private." or
     * ".iso.org.dod.internet.experimental." in front; other names stay full (".iso.org.dod.internet.snmpV2").
     */
    UCD
  }

  /**
   * The OID a name means. Accepts what Net-SNMP's tools accept with random access ({@code -IR}, the
   * default of snmpget): "sysName.0", "SNMPv2-MIB::sysName.0", ".iso.org.dod.internet.mgmt.mib-2.system.sysName.0",
   * "iso.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.5.0", and quoted string indexes ({@code nsExtendOutput1Line."test"}).
   *
   * @throws MibException naming the part that is not known
   */
  public Oid oid(String name) {
    Objects.requireNonNull(name, "name");
    return reader.parse(name);
  }

  /** {@link #name(Oid, NameStyle)} in Net-SNMP's default style: "IF-MIB::ifDescr.3". */
  public String name(Oid oid) {
    return name(oid, NameStyle.MODULE);
  }

  /**
   * The name of {@code oid}: its longest known prefix, then the rest decoded by the row's INDEX
   * (integers, enumeration labels, "strings", IP addresses, IMPLIED and fixed-length indexes), exactly as
   * snmptranslate prints it. An OID below no known node prints as numbers.
   */
  public String name(Oid oid, NameStyle style) {
    Objects.requireNonNull(oid, "oid");
    Objects.requireNonNull(style, "style");
    return names.format(oid, style);
  }

  /**
   * The name of {@code oid} as Net-SNMP's tools print it with these {@code -O} options: the
   * {@link FormatOptions#names() style}, and the {@link FormatOptions#indexes() index} decoded, as numbers
   * ({@code -Ob}) or in brackets ({@code -OX}: "IF-MIB::ifStackStatus[1][2]", whose string and TimeTicks
   * values follow {@code -Oq} and {@code -Ot}).
   *
   * <pre>{@code
   * mib.name(oid, FormatOptions.netSnmp("X"));      // "IF-MIB::ifDescr[3]"
   * mib.name(oid, FormatOptions.netSnmp("ub"));     // "interfaces.ifTable.ifEntry.ifDescr.3"
   * }</pre>
   */
  public String name(Oid oid, FormatOptions options) {
    Objects.requireNonNull(oid, "oid");
    return names.format(oid, options);
  }

  /** The object a name (as {@link #oid} reads it) names exactly, if it names one. */
  public Optional<MibObject> object(String name) {
    try {
      return object(oid(name));
    } catch (MibException e) {
      return Optional.empty();
    }
  }

  /** The object defined at exactly {@code oid}. */
  public Optional<MibObject> object(Oid oid) {
    MibNode n = node(oid);
    return n == null ? Optional.empty() : Optional.ofNullable(n.object());
  }

  /** The object with the longest OID that {@code oid} starts with: a column for an instance OID. */
  public Optional<MibObject> objectAbove(Oid oid) {
    MibNode n = tree.root;
    MibObject best = null;
    for (int i = 0; i < oid.size(); i++) {
      n = n.child(Integer.toUnsignedLong(oid.arc(i)));
      if (n == null) {
        break;
      }
      MibObject o = n.object();
      best = o != null ? o : best;
    }
    return Optional.ofNullable(best);
  }

  /** The nearest defined object above {@code object}: a column's row, a row's table. */
  public Optional<MibObject> parent(MibObject object) {
    MibNode n = node(object.oid());
    for (MibNode p = n == null ? null : n.parent; p != null; p = p.parent) {
      MibObject o = p.object();
      if (o != null) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The defined objects directly below {@code object}, by arc: a row's columns. */
  public List<MibObject> children(MibObject object) {
    MibNode n = node(object.oid());
    List<MibObject> out = new ArrayList<>();
    if (n != null) {
      for (MibNode c : n.children.values()) {
        MibObject o = c.object();
        if (o != null) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** The objects of a row's INDEX, following AUGMENTS to the augmented row (RFC 2578 §7.8). */
  public List<MibObject> indexObjects(MibObject row) {
    List<MibObject.IndexPart> parts = row.index();
    if (parts.isEmpty() && row.augments().isPresent()) {
      MibNode base = tree.latest(row.augments().get());
      MibObject o = base == null ? null : base.object();
      parts = o != null ? o.index() : List.of();
    }
    List<MibObject> out = new ArrayList<>();
    for (MibObject.IndexPart p : parts) {
      MibNode n = tree.latest(p.name());
      MibObject o = n == null ? null : n.object();
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** Every defined object, in OID order. */
  public List<MibObject> objects() {
    return objects;
  }

  /** The names of the loaded modules, each after those it imports. */
  public List<String> modules() {
    return modules;
  }

  /**
   * What lenient loading skipped or could not resolve, in the order Net-SNMP's tools print their warnings
   * (each module's after those of the modules it imports; what never linked last); empty after a strict
   * load. {@link MibException#kind} tells a missing module, a missing import and an unlinked OID apart.
   */
  public List<MibException> problems() {
    return problems;
  }

  private MibNode node(Oid oid) {
    MibNode n = tree.root;
    for (int i = 0; i < oid.size() && n != null; i++) {
      n = n.child(Integer.toUnsignedLong(oid.arc(i)));
    }
    return n == tree.root ? null : n;
  }

  /**
   * Collects the search path and the modules to load. Modules are loaded in the order asked, each
   * after what it imports.
   *
   * <pre>{@code
   * Mib mib = Mib.builder().path(dir).lenient(true).load("VENDOR-MIB").loadFile(extra).build();
   * mib.problems().forEach(p -> log.warn(p.getMessage()));
   * }</pre>
   */
  public static final class Builder {
    private final List<Path> path = new ArrayList<>();
    private final List<Object> loads = new ArrayList<>();
    private boolean lenient;
    private boolean builtIn;
    private boolean builtInWhereMissing;
    /** Whether {@link #build} may take a linked image ({@link LinkedImages}); a test turns it off to compare. */
    boolean linkedImages = true;
    private static final Object ALL = new Object();

    private Builder() {}

    /**
     * Starts from the modules of {@link Mib#builtIn}, taken as loaded: a module that imports from them
     * needs no file for them, and a file of the same name on the path is not read.
     */
    public Builder builtIn() {
      this.builtIn = true;
      return this;
    }

    /**
     * Takes a module that the path lacks from the modules of {@link Mib#builtIn}, as if a file of it were
     * on the path after the others; unlike {@link #builtIn()}, only what is loaded (or imported) comes in.
     * This is how the commands load Net-SNMP's default modules on a machine without their files. Leniently
     * loading exactly {@link Mib#NET_SNMP_DEFAULT_MODULES} this way takes a linked image of them instead when
     * the path gives every module looked up the same file as when the image was made, or none: the same
     * {@link Mib} and problems, without parsing or linking.
     */
    public Builder builtInWhereMissing() {
      this.builtInWhereMissing = true;
      return this;
    }

    /**
     * Adds directories to search for modules, in order. A file is known by the module it starts with, not
     * by its name; a module that two files start is read from the one found last (a later directory, or a
     * later name in one directory), as Net-SNMP reads it.
     */
    public Builder path(Path... dirs) {
      for (Path d : dirs) {
        path.add(Objects.requireNonNull(d, "dir"));
      }
      return this;
    }

    /** Loads these modules by name (and what they import). */
    public Builder load(String... modules) {
      for (String m : modules) {
        loads.add(Objects.requireNonNull(m, "module"));
      }
      return this;
    }

    /**
     * Loads every module on the path, as Net-SNMP's {@code -m ALL} does and in its order: the directories'
     * files (each directory's sorted by name) taken by the first module each defines, then read from the
     * last found to the first. Where two modules define a node, the one read first names it.
     */
    public Builder loadAll() {
      loads.add(ALL);
      return this;
    }

    /** Loads every module in this file (and what they import, from the path). */
    public Builder loadFile(Path file) {
      loads.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * In lenient mode, as Net-SNMP loads broken vendor MIBs, a definition that does not parse is skipped
     * to the next one, and a missing module, undefined import or unlinkable OID is only reported in
     * {@link Mib#problems}. Strict (the default) throws at the first of these.
     */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /**
     * Loads and links everything asked for.
     *
     * @throws MibException in strict mode at the first problem, in lenient mode only for an unreadable file
     */
    public Mib build() {
      ModuleIndex index = new ModuleIndex(path);
      if (linkedImages && lenient && builtInWhereMissing && !builtIn) {
        Mib linked = linked(index);
        if (linked != null) {
          return linked;
        }
      }
      MibLoader loader = new MibLoader(path, index, lenient, new ArrayList<>());
      if (builtIn) {
        loader.preload(BuiltIn.IMAGE.modules());
      }
      if (builtInWhereMissing) {
        loader.fallback(BuiltIn.IMAGE.modules());
      }
      for (Object l : loads) {
        if (l == ALL) {
          loader.loadAll();
        } else if (l instanceof Path file) {
          loader.loadFile(file);
        } else {
          loader.load((String) l);
        }
      }
      MibTree tree = MibTree.link(loader.modules(), lenient, loader.endLines(), loader.allEnds());
      return new Mib(tree, tree.objects, List.copyOf(tree.modules.keySet()),
          loader.interleave(tree.orphans.moduleProblems, tree.orphans.endProblems));
    }

    /** What a linked image holds for these loads from this path, or null; only module names can match. */
    private Mib linked(ModuleIndex index) {
      List<String> names = new ArrayList<>(loads.size());
      for (Object l : loads) {
        if (!(l instanceof String name)) {
          return null;
        }
        names.add(name);
      }
      return LinkedImages.find(names, path, index);
    }
  }

  /**
   * {@code vb} as Net-SNMP's tools print it with these modules loaded and no {@code -O} options:
   * "IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)". See {@link VarBindFormatter}.
   */
  public String format(VarBind vb) {
    return formatter(FormatOptions.DEFAULT).format(vb);
  }

  /** A formatter that prints varbinds with {@code options}; cheap to make, safe to share. */
  public VarBindFormatter formatter(FormatOptions options) {
    return new VarBindFormatter(this, options);
  }

  /**
   * How a value at {@code oid} prints: by the deepest node on its path, as Net-SNMP's get_tree finds
   * it; a node that is no OBJECT-TYPE gives {@link ObjectFormat#UNTYPED}.
   */
  ObjectFormat objectFormat(Oid oid) {
    MibNode n = tree.root;
    for (int i = 0; i < oid.size(); i++) {
      MibNode c = n.child(Integer.toUnsignedLong(oid.arc(i)));
      if (c == null) {
        break;
      }
      n = c;
    }
    ObjectFormat f = n.format;
    if (f == null) {
      f = n == tree.root ? ObjectFormat.UNTYPED : ObjectFormat.of(n.object());
      n.format = f;
    }
    return f;
  }
}
