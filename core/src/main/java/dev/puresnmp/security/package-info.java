/** Who we are to an agent: {@link dev.puresnmp.security.Credentials}. SNMPv3's USM comes here later. */
package dev.puresnmp.security;
