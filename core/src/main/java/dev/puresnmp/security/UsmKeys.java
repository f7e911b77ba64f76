package dev.puresnmp.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The keys of SNMPv3 users, derived once and shared: hashing a pass phrase costs milliseconds, so a
 * manager keeps one {@code UsmKeys} for all its clients, and a thousand clients of the same user hash
 * its pass phrases once (concurrent first calls for the same key wait for one computation).
 *
 * <pre>{@code
 * UsmKeys keys = new UsmKeys();
 * byte[] authKey = keys.authKey(user, engineId);   // null below authNoPriv
 * byte[] privKey = keys.privKey(user, engineId);   // null below authPriv
 * }</pre>
 *
 * <p>Thread-safe. The arrays returned are shared with every other caller: never modify them. Each of
 * the three caches (master keys by protocol and pass phrase; authentication and privacy keys by
 * those and engine ID) holds at most {@code maxEntries} keys and is emptied when it would exceed
 * that, so memory stays bounded at the price of hashing again.
 *
 * <p>What it holds, and for how long: the keys (master keys Ku, RFC 3414 §2.6, and the keys localized
 * to each engine, Kul), with the pass phrases they came from as lookup keys, until {@link #clear()} (an
 * {@code SnmpManager} clears its cache when it closes), until the cache is full and starts over, or
 * until the cache itself is dropped. Nothing is written anywhere, and {@code toString()} shows none of
 * it. The pass phrases themselves live as long as the {@link Credentials.V3} that carry them.
 */
public final class UsmKeys {
  /** The default bound of each cache: this many users × engines before a cache starts over. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final int maxEntries;
  private final ConcurrentHashMap<Key, byte[]> masterKeys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, byte[]> authKeys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, byte[]> privKeys = new ConcurrentHashMap<>();

  /** A cache of {@link #DEFAULT_MAX_ENTRIES} keys per kind. */
  public UsmKeys() {
    this(DEFAULT_MAX_ENTRIES);
  }

  /** A cache of at most {@code maxEntries} (at least 1) keys per kind. */
  public UsmKeys(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /** The user's authentication key localized to an engine (RFC 3414 §A.2), or null at noAuthNoPriv. */
  public byte[] authKey(Credentials.V3 user, byte[] engineId) {
    if (user.auth() == null) {
      return null;
    }
    Credentials.V3.Key given = user.authKey();
    Key key = new Key(user.auth(), null, given != null ? given : user.authPassword(), engineId);
    return cached(authKeys, key, k -> given != null && given.localized() ? given.bytes().toByteArray()
        : user.auth().localize(given != null ? given.bytes().toByteArray() : masterKey(user.auth(), user.authPassword()), engineId));
  }

  /**
   * The user's privacy key for an engine, extended to {@link PrivProtocol#keyLength()}, or null below
   * authPriv.
   */
  public byte[] privKey(Credentials.V3 user, byte[] engineId) {
    if (user.priv() == null) {
      return null;
    }
    Credentials.V3.Key given = user.privKey();
    Key key = new Key(user.auth(), user.priv(), given != null ? given : user.privPassword(), engineId);
    return cached(privKeys, key, k -> {
      byte[] kul = given != null && given.localized() ? given.bytes().toByteArray()
          : user.auth().localize(given != null ? given.bytes().toByteArray() : masterKey(user.auth(), user.privPassword()), engineId);
      return user.priv().extend(user.auth(), kul, engineId);
    });
  }

  /**
   * Forgets every key: the next use hashes the pass phrases again. The arrays handed out before stay as
   * they are (whoever holds one may still be using it) until the garbage collector takes them.
   */
  public void clear() {
    masterKeys.clear();
    authKeys.clear();
    privKeys.clear();
  }

  private byte[] masterKey(AuthProtocol auth, String passPhrase) {
    return cached(masterKeys, new Key(auth, null, passPhrase, null),
        k -> auth.passwordToKey(AuthProtocol.utf8(passPhrase)));
  }

  private byte[] cached(ConcurrentHashMap<Key, byte[]> cache, Key key, Function<Key, byte[]> derive) {
    byte[] hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    if (cache.size() >= maxEntries) {
      cache.clear();
    }
    return cache.computeIfAbsent(key.stored(), derive);
  }

  /** What a key is derived from. Lookups use the caller's engine ID array; stored keys a copy of it. */
  private static final class Key {
    private final AuthProtocol auth;
    private final PrivProtocol priv;
    /** A pass phrase, or the {@link Credentials.V3.Key} given instead. */
    private final Object passPhrase;
    private final byte[] engineId;
    private final int hash;

    Key(AuthProtocol auth, PrivProtocol priv, Object passPhrase, byte[] engineId) {
      this.auth = auth;
      this.priv = priv;
      this.passPhrase = passPhrase;
      this.engineId = engineId;
      this.hash = ((auth.hashCode() * 31 + Objects.hashCode(priv)) * 31 + passPhrase.hashCode()) * 31
          + Arrays.hashCode(engineId);
    }

    /** This key with its own copy of the engine ID, to keep in a cache. */
    Key stored() {
      return engineId == null ? this : new Key(auth, priv, passPhrase, engineId.clone());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && auth == k.auth
          && priv == k.priv
          && passPhrase.equals(k.passPhrase)
          && Arrays.equals(engineId, k.engineId);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
