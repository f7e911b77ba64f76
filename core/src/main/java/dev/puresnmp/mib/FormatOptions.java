package dev.puresnmp.mib;

import java.util.Objects;

/**
 * How {@link VarBindFormatter} prints a varbind: Net-SNMP 5.9's {@code -O} output options that concern
 * names and values. Immutable; {@link #DEFAULT} is what Net-SNMP's tools print without {@code -O}.
 *
 * <pre>{@code
 * FormatOptions o = FormatOptions.builder().names(Mib.NameStyle.SHORT).quick(true).build();
 * FormatOptions same = FormatOptions.netSnmp("sq");          // the letters of -Osq
 * mib.formatter(o).format(vb);                               // "ifType.1 softwareLoopback"
 * }</pre>
 *
 * <p>Letters: {@code S f s n u} (name style), {@code b} (indexes as numbers), {@code X} (indexes in
 * brackets; {@code b} wins over it), {@code e} (enumerations as numbers), {@code q} (no type
 * labels, a space instead of " = "), {@code Q} (no type labels, no "Wrong Type" warning), {@code v}
 * (the value only), {@code U} (no UNITS), {@code t} (TimeTicks as a bare number), {@code x} (OCTET
 * STRINGs without a display hint in hex), {@code a} (the same as text, unprintable bytes as '.').
 */
public final class FormatOptions {
  /** Net-SNMP's defaults: "IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)". */
  public static final FormatOptions DEFAULT = builder().build();

  /** What an OCTET STRING without a display hint prints as. */
  public enum Strings {
    /** STRING when every byte is printable ASCII or white space, else Hex-STRING (the default). */
    GUESS,
    /** Always Hex-STRING ({@code -Ox}). */
    HEX,
    /** Always STRING, unprintable bytes as '.' ({@code -Oa}). */
    ASCII
  }

  /** How the index part of an instance's name prints. */
  public enum Indexes {
    /** By the row's INDEX, dot-separated: "ifStackStatus.1.2", "vacmAccessReadViewName.\"grp\".3" (the default). */
    DECODED,
    /** As the OID's numbers ({@code -Ob}): "vacmAccessReadViewName.3.103.114.112.3". */
    NUMBERS,
    /** Each index in brackets ({@code -OX}): "ifStackStatus[1][2]", "nsExtendOutputFull[STRING: test]". */
    BRACKETS
  }

  private final Mib.NameStyle names;
  private final Indexes indexes;
  private final boolean enumsAsNumbers;
  private final boolean quick;
  private final boolean quickEquals;
  private final boolean valueOnly;
  private final boolean units;
  private final boolean timeTicksAsNumbers;
  private final Strings strings;
  private final boolean displayHints;

  private FormatOptions(Builder b) {
    this.names = b.names;
    this.indexes = b.indexes;
    this.enumsAsNumbers = b.enumsAsNumbers;
    this.quick = b.quick;
    this.quickEquals = b.quickEquals;
    this.valueOnly = b.valueOnly;
    this.units = b.units;
    this.timeTicksAsNumbers = b.timeTicksAsNumbers;
    this.strings = b.strings;
    this.displayHints = b.displayHints;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.names = names;
    b.indexes = indexes;
    b.enumsAsNumbers = enumsAsNumbers;
    b.quick = quick;
    b.quickEquals = quickEquals;
    b.valueOnly = valueOnly;
    b.units = units;
    b.timeTicksAsNumbers = timeTicksAsNumbers;
    b.strings = strings;
    b.displayHints = displayHints;
    return b;
  }

  /**
   * The options that Net-SNMP's {@code -O} followed by {@code letters} gives, e.g. "sQe" for
   * {@code -OsQe}. A later letter wins where two conflict ({@code -Ofs} is {@code -Os}), except that
   * {@code b} wins over {@code X} in either order, and {@code q} and {@code Q} toggle quick output, as in
   * Net-SNMP ({@code -Oqq} is no quick output; snmptable starts with it on: {@code netSnmp("q" + letters)}).
   *
   * @throws IllegalArgumentException for a letter this type does not model, naming it
   */
  public static FormatOptions netSnmp(String letters) {
    Builder b = builder();
    boolean numbers = false;
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      switch (c) {
        case 'S' -> b.names(Mib.NameStyle.MODULE);
        case 'f' -> b.names(Mib.NameStyle.FULL);
        case 's' -> b.names(Mib.NameStyle.SHORT);
        case 'n' -> b.names(Mib.NameStyle.NUMERIC);
        case 'u' -> b.names(Mib.NameStyle.UCD);
        case 'b' -> numbers = true;
        case 'X' -> b.indexes(Indexes.BRACKETS);
        case 'e' -> b.enumsAsNumbers(true);
        // Net-SNMP toggles QUICK_PRINT: -Oqq prints labels again, and Q toggles it too (-OQQ: labels and " = ")
        case 'q' -> b.quick(!b.quick);
        case 'Q' -> b.quickEquals(true).quick(!b.quick);
        case 'v' -> b.valueOnly(true);
        case 'U' -> b.units(false);
        case 't' -> b.timeTicksAsNumbers(true);
        case 'x' -> b.strings(Strings.HEX);
        case 'a' -> b.strings(Strings.ASCII);
        default -> throw new IllegalArgumentException(
            "unsupported Net-SNMP output option '" + c + "' in \"" + letters + "\"; expected one of S f s n u b X e q Q v U t x a");
      }
    }
    return (numbers ? b.indexes(Indexes.NUMBERS) : b).build();
  }

  /** How the varbind's OID and OBJECT IDENTIFIER values are named. */
  public Mib.NameStyle names() {
    return names;
  }

  /** How an instance's index prints: decoded (the default), as numbers ({@code -Ob}), in brackets ({@code -OX}). */
  public Indexes indexes() {
    return indexes;
  }

  /** {@code -Oe}: "INTEGER: 1" rather than "INTEGER: up(1)"; BITS numbered, not named. */
  public boolean enumsAsNumbers() {
    return enumsAsNumbers;
  }

  /** {@code -Oq}: "sysName.0 router" (no type label, a space after the name). */
  public boolean quick() {
    return quick;
  }

  /**
   * {@code -OQ}: " = " between name and value even with {@link #quick()}, and no "Wrong Type" warning;
   * {@code -OQ} also turns quick output on: "sysName.0 = router".
   */
  public boolean quickEquals() {
    return quickEquals;
  }

  /** {@code -Ov}: only the value, no name. */
  public boolean valueOnly() {
    return valueOnly;
  }

  /** The UNITS of an object after its value; false for {@code -OU}. */
  public boolean units() {
    return units;
  }

  /** {@code -Ot}: TimeTicks as the bare number of hundredths, without units. */
  public boolean timeTicksAsNumbers() {
    return timeTicksAsNumbers;
  }

  /** {@code -Ox} / {@code -Oa}: how an OCTET STRING without a display hint prints. */
  public Strings strings() {
    return strings;
  }

  /**
   * Whether DISPLAY-HINTs apply, to values and to {@code -OX} string indexes; false for Net-SNMP's input
   * option {@code -Ih}, which prints "STRING: \"router\"" for a DisplayString and "INTEGER: 1234" for a
   * {@code d-2} hint.
   */
  public boolean displayHints() {
    return displayHints;
  }

  /** Whether values print without their type label ({@code -Oq}, {@code -OQ}). */
  boolean bare() {
    return quick;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormatOptions f && f.names == names && f.indexes == indexes && f.enumsAsNumbers == enumsAsNumbers && f.quick == quick
        && f.quickEquals == quickEquals && f.valueOnly == valueOnly && f.units == units
        && f.timeTicksAsNumbers == timeTicksAsNumbers && f.strings == strings && f.displayHints == displayHints;
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, indexes, enumsAsNumbers, quick, quickEquals, valueOnly, units, timeTicksAsNumbers, strings, displayHints);
  }

  /** The {@code -O} letters these options stand for: "-OS" for the default; " -Ih" after them without display hints. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("-O");
    sb.append(switch (names) {
      case MODULE -> 'S';
      case FULL -> 'f';
      case SHORT -> 's';
      case NUMERIC -> 'n';
      case UCD -> 'u';
    });
    sb.append(indexes == Indexes.NUMBERS ? "b" : indexes == Indexes.BRACKETS ? "X" : "");
    sb.append(enumsAsNumbers ? "e" : "").append(quickEquals ? (quick ? "Q" : "Qq") : quick ? "q" : "").append(valueOnly ? "v" : "");
    sb.append(units ? "" : "U").append(timeTicksAsNumbers ? "t" : "");
    sb.append(strings == Strings.HEX ? "x" : strings == Strings.ASCII ? "a" : "");
    return sb.append(displayHints ? "" : " -Ih").toString();
  }

  /** Collects options; every setting starts at Net-SNMP's default. */
  public static final class Builder {
    private Mib.NameStyle names = Mib.NameStyle.MODULE;
    private Indexes indexes = Indexes.DECODED;
    private boolean enumsAsNumbers;
    private boolean quick;
    private boolean quickEquals;
    private boolean valueOnly;
    private boolean units = true;
    private boolean timeTicksAsNumbers;
    private Strings strings = Strings.GUESS;
    private boolean displayHints = true;

    private Builder() {}

    public Builder names(Mib.NameStyle names) {
      this.names = Objects.requireNonNull(names, "names");
      return this;
    }

    public Builder indexes(Indexes indexes) {
      this.indexes = Objects.requireNonNull(indexes, "indexes");
      return this;
    }

    public Builder enumsAsNumbers(boolean enumsAsNumbers) {
      this.enumsAsNumbers = enumsAsNumbers;
      return this;
    }

    public Builder quick(boolean quick) {
      this.quick = quick;
      return this;
    }

    public Builder quickEquals(boolean quickEquals) {
      this.quickEquals = quickEquals;
      return this;
    }

    public Builder valueOnly(boolean valueOnly) {
      this.valueOnly = valueOnly;
      return this;
    }

    public Builder units(boolean units) {
      this.units = units;
      return this;
    }

    public Builder timeTicksAsNumbers(boolean timeTicksAsNumbers) {
      this.timeTicksAsNumbers = timeTicksAsNumbers;
      return this;
    }

    public Builder strings(Strings strings) {
      this.strings = Objects.requireNonNull(strings, "strings");
      return this;
    }

    /** False for Net-SNMP's {@code -Ih}: values and {@code -OX} indexes print as if their objects had no DISPLAY-HINT. */
    public Builder displayHints(boolean displayHints) {
      this.displayHints = displayHints;
      return this;
    }

    public FormatOptions build() {
      return new FormatOptions(this);
    }
  }
}
