/**
 * The floor of the library: {@link dev.puresnmp.SnmpException}, which every failure extends.
 *
 * <p>Everything in this library is non-null unless documented otherwise.
 */
package dev.puresnmp;
