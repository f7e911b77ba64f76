package dev.puresnmp.security;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Cipher;

/**
 * Idle {@link Cipher}s of one transformation, for reuse: {@link Cipher#getInstance} costs more than
 * encrypting a typical scopedPDU, and a cipher is initialised with each message's key and IV anyway.
 * A fixed number of slots, taken and returned with one atomic operation each and no allocation; when
 * the slot a thread looks at is empty it makes a new cipher, when it is full the cipher is dropped.
 */
final class CipherPool {
  private final String transformation;
  private final AtomicReferenceArray<Cipher> slots;

  CipherPool(String transformation) {
    this.transformation = transformation;
    this.slots = new AtomicReferenceArray<>(Integer.highestOneBit(
        Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1);
  }

  /** A cipher the caller owns until it hands it back with {@link #release}. */
  Cipher acquire() throws GeneralSecurityException {
    Cipher idle = slots.getAndSet(slot(), null);
    return idle != null ? idle : Cipher.getInstance(transformation);
  }

  /** Gives back a cipher that {@link #acquire} gave out and that nobody uses any more. */
  void release(Cipher cipher) {
    slots.compareAndSet(slot(), null, cipher);
  }

  private int slot() {
    return (int) Thread.currentThread().getId() & (slots.length() - 1);
  }
}
