/**
 * Who we are to an agent: {@link dev.puresnmp.security.Credentials} (SNMPv1/v2c communities and SNMPv3
 * users), and the cryptography of SNMPv3's User-based Security Model (RFC 3414): key derivation and
 * HMACs in {@link dev.puresnmp.security.AuthProtocol} (RFC 3414, RFC 7860), encryption in {@link
 * dev.puresnmp.security.PrivProtocol} (RFC 3414, RFC 3826 and the AES-192/256 and 3DES drafts), and a
 * shared cache of derived keys, {@link dev.puresnmp.security.UsmKeys}.
 *
 * <p>Everything here works on byte arrays handed in by the message codec and keeps no per-message
 * state: all of it is thread-safe. Parameters and results are non-null unless documented otherwise.
 */
package dev.puresnmp.security;
