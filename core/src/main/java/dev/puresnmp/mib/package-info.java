/**
 * MIB modules: an SMIv1/SMIv2 parser, the OID tree they define, and names for OIDs as Net-SNMP prints
 * them. Start at {@link dev.puresnmp.mib.Mib#builder}. Knows {@code smi} only.
 *
 * <p>Everything in this package is non-null unless documented otherwise.
 */
package dev.puresnmp.mib;
