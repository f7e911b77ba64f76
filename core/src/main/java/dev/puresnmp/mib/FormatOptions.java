package dev.puresnmp.mib;

import dev.puresnmp.smi.NetSnmpFormat;
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
 * STRINGs without a display hint in hex), {@code a} (the same as text, unprintable bytes as '.'), {@code T}
 * (text beside hex), {@code 0} (two hex digits a byte under a DISPLAY-HINT), {@code E} (string indexes in
 * escaped quotes) and {@code p} (a printf precision for floats).
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
  private final boolean hexText;
  private final boolean twoDigitHex;
  private final boolean escapeQuotes;
  private final String floatPrecision;

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
    this.hexText = b.hexText;
    this.twoDigitHex = b.twoDigitHex;
    this.escapeQuotes = b.escapeQuotes;
    this.floatPrecision = b.floatPrecision;
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
    b.hexText = hexText;
    b.twoDigitHex = twoDigitHex;
    b.escapeQuotes = escapeQuotes;
    b.floatPrecision = floatPrecision;
    return b;
  }

  /**
   * The options that Net-SNMP's {@code -O} followed by {@code letters} gives, e.g. "sQe" for
   * {@code -OsQe}. A later letter wins where two conflict ({@code -Ofs} is {@code -Os}); the on/off
   * letters ({@code b X e q v U t T 0 E}) toggle, as in Net-SNMP ({@code -Oee} is no {@code -Oe}, {@code
   * -Oqq} no quick output; snmptable starts with it on: {@code netSnmp("q" + letters)}), {@code Q} toggles
   * quick output too, and {@code b} wins over {@code X} in either order. What follows {@code p} is its
   * precision ({@code "sp.2"}: short names, "%.2f").
   *
   * @throws IllegalArgumentException for a letter this type does not model, naming it, or a precision
   *     that is no printf width and precision
   */
  public static FormatOptions netSnmp(String letters) {
    Builder b = builder();
    boolean numbers = false;
    boolean brackets = false;
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      switch (c) {
        case 'S' -> b.names(Mib.NameStyle.MODULE);
        case 'f' -> b.names(Mib.NameStyle.FULL);
        case 's' -> b.names(Mib.NameStyle.SHORT);
        case 'n' -> b.names(Mib.NameStyle.NUMERIC);
        case 'u' -> b.names(Mib.NameStyle.UCD);
        case 'b' -> numbers = !numbers;
        case 'X' -> brackets = !brackets;
        case 'e' -> b.enumsAsNumbers(!b.enumsAsNumbers);
        case 'q' -> b.quick(!b.quick);
        case 'Q' -> b.quickEquals(true).quick(!b.quick);
        case 'v' -> b.valueOnly(!b.valueOnly);
        case 'U' -> b.units(!b.units);
        case 't' -> b.timeTicksAsNumbers(!b.timeTicksAsNumbers);
        case 'x' -> b.strings(Strings.HEX);
        case 'a' -> b.strings(Strings.ASCII);
        case 'T' -> b.hexText(!b.hexText);
        case '0' -> b.twoDigitHex(!b.twoDigitHex);
        case 'E' -> b.escapeQuotes(!b.escapeQuotes);
        case 'p' -> {
          return b.floatPrecision(letters.substring(i + 1)).indexes(numbers ? Indexes.NUMBERS : brackets ? Indexes.BRACKETS : Indexes.DECODED).build();
        }
        default -> throw new IllegalArgumentException(
            "unsupported Net-SNMP output option '" + c + "' in \"" + letters + "\"; expected one of S f s n u b X e q Q v U t x a T 0 E p");
      }
    }
    return b.indexes(numbers ? Indexes.NUMBERS : brackets ? Indexes.BRACKETS : Indexes.DECODED).build();
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

  /** {@code -OT}: each line of hex followed by its bytes as text, "80 00 1F   [...]" (Hex-STRING, BITS, Opaque). */
  public boolean hexText() {
    return hexText;
  }

  /** {@code -O0}: a DISPLAY-HINT's one-byte hex items always in two digits ("0:1b" becomes "00:1b"). */
  public boolean twoDigitHex() {
    return twoDigitHex;
  }

  /** {@code -OE}: string indexes in escaped quotes, {@code vacmGroupName.3.\"usr\"}, for a shell to pass back. */
  public boolean escapeQuotes() {
    return escapeQuotes;
  }

  /**
   * {@code -Op}: what goes between '%' and 'f' when a float or double prints (Net-SNMP's printf):
   * flags, a width and a precision, "5.2", ".3", "-10"; empty for "%f".
   */
  public String floatPrecision() {
    return floatPrecision;
  }

  /** Whether values print without their type label ({@code -Oq}, {@code -OQ}). */
  boolean bare() {
    return quick;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormatOptions f && f.names == names && f.indexes == indexes && f.enumsAsNumbers == enumsAsNumbers && f.quick == quick
        && f.quickEquals == quickEquals && f.valueOnly == valueOnly && f.units == units
        && f.timeTicksAsNumbers == timeTicksAsNumbers && f.strings == strings && f.displayHints == displayHints
        && f.hexText == hexText && f.twoDigitHex == twoDigitHex && f.escapeQuotes == escapeQuotes && f.floatPrecision.equals(floatPrecision);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, indexes, enumsAsNumbers, quick, quickEquals, valueOnly, units, timeTicksAsNumbers, strings, displayHints,
        hexText, twoDigitHex, escapeQuotes, floatPrecision);
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
    sb.append(hexText ? "T" : "").append(twoDigitHex ? "0" : "").append(escapeQuotes ? "E" : "");
    sb.append(floatPrecision.isEmpty() ? "" : "p" + floatPrecision);
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
    private boolean hexText;
    private boolean twoDigitHex;
    private boolean escapeQuotes;
    private String floatPrecision = "";

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

    public Builder hexText(boolean hexText) {
      this.hexText = hexText;
      return this;
    }

    public Builder twoDigitHex(boolean twoDigitHex) {
      this.twoDigitHex = twoDigitHex;
      return this;
    }

    public Builder escapeQuotes(boolean escapeQuotes) {
      this.escapeQuotes = escapeQuotes;
      return this;
    }

    /**
     * {@code -Op}'s precision: C printf flags ({@code - + space # 0}), a width and a {@code .precision},
     * each optional: "5.2" prints 1.5 as " 1.50".
     *
     * @throws IllegalArgumentException for anything else
     */
    public Builder floatPrecision(String precision) {
      try {
        this.floatPrecision = NetSnmpFormat.checkPrintfSpec(precision);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("-Op: " + e.getMessage(), e);
      }
      return this;
    }

    public FormatOptions build() {
      return new FormatOptions(this);
    }
  }
}
