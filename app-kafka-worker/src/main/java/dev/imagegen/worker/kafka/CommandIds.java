package dev.imagegen.worker.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * A set of commandIds that stays small: it keeps a 128-bit fingerprint of each id (the first 16 bytes of the SHA-256
 * of its UTF-8 bytes) in an open-addressing table of longs (linear probing, deletion by backward shift, doubling past
 * 3/4 full), with a stamp per id: the minute its task finished, or {@link #IN_FLIGHT}. An id costs 20 bytes of table
 * at full load and 40 just after a doubling, instead of a {@code String} and a hash-map node;
 * {@link #forgetFinishedBefore} drops the ids whose task finished before a minute (the dedup retention).
 *
 * <p>Exact in practice, not in principle: two different ids with the same fingerprint would look like one, and the
 * second would be ignored as a duplicate. For {@code n} ids the chance that any two collide is about
 * {@code n² / 2^129}: below 10^-26 for a billion ids.
 *
 * <p>Not thread-safe: confined to the loop thread, like the {@link PartitionState} that holds it.
 */
final class CommandIds {

    /** The stamp of an id whose task is not finished: it is never forgotten. */
    static final int IN_FLIGHT = Integer.MAX_VALUE;
    private static final int MIN_SLOTS = 16;

    private final MessageDigest sha256;
    /** Slot {@code i} is {@code table[2i]} (high half) and {@code table[2i + 1]} (low half); all zero is empty. */
    private long[] table = new long[2 * MIN_SLOTS];
    /** Slot {@code i}'s stamp. */
    private int[] stamps = new int[MIN_SLOTS];
    private int size;

    CommandIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The minute an instant falls in, as a stamp. */
    static int minute(Instant at) {
        return (int) Math.min(IN_FLIGHT - 1L, Math.floorDiv(at.getEpochSecond(), 60));
    }

    /**
     * Adds an id with its stamp; false when it (or an id with its fingerprint) was already there, whose stamp then
     * stays as it was.
     */
    boolean add(String id, int stamp) {
        long[] fp = fingerprint(id);
        int slot = find(fp[0], fp[1]);
        if (occupied(slot)) {
            return false;
        }
        table[2 * slot] = fp[0];
        table[2 * slot + 1] = fp[1];
        stamps[slot] = stamp;
        size++;
        if (size > slots() / 4 * 3) {
            grow();
        }
        return true;
    }

    /** Restamps an id that is there (its task finished); adds it when it is not. */
    void stamp(String id, int stamp) {
        long[] fp = fingerprint(id);
        int slot = find(fp[0], fp[1]);
        if (occupied(slot)) {
            stamps[slot] = stamp;
        } else {
            add(id, stamp);
        }
    }

    /** Forgets every id whose task finished before {@code minute}; returns how many. In-flight ids stay. */
    int forgetFinishedBefore(int minute) {
        int before = size;
        long[] old = table;
        int[] oldStamps = stamps;
        int survivors = 0;
        for (int slot = 0; slot < oldStamps.length; slot++) {
            if ((old[2 * slot] != 0 || old[2 * slot + 1] != 0) && oldStamps[slot] >= minute) {
                survivors++;
            }
        }
        if (survivors == before) {
            return 0;
        }
        int slots = MIN_SLOTS;
        while (survivors > slots / 4 * 3) {
            slots *= 2;
        }
        table = new long[2 * slots];
        stamps = new int[slots];
        size = 0;
        for (int slot = 0; slot < oldStamps.length; slot++) {
            if ((old[2 * slot] != 0 || old[2 * slot + 1] != 0) && oldStamps[slot] >= minute) {
                int to = find(old[2 * slot], old[2 * slot + 1]);
                table[2 * to] = old[2 * slot];
                table[2 * to + 1] = old[2 * slot + 1];
                stamps[to] = oldStamps[slot];
                size++;
            }
        }
        return before - size;
    }

    boolean contains(String id) {
        long[] fp = fingerprint(id);
        return occupied(find(fp[0], fp[1]));
    }

    /** Removes an id; false when it was not there. */
    boolean remove(String id) {
        long[] fp = fingerprint(id);
        int slot = find(fp[0], fp[1]);
        if (!occupied(slot)) {
            return false;
        }
        shiftBackInto(slot);
        size--;
        return true;
    }

    int size() {
        return size;
    }

    /** Bytes held by the table (what an id costs, times {@link #size()}, plus the free slots). */
    long tableBytes() {
        return 8L * table.length + 4L * stamps.length;
    }

    /** The slot holding this fingerprint, or the empty slot where it would go. */
    private int find(long hi, long lo) {
        int mask = slots() - 1;
        int slot = (int) hi & mask;
        while (occupied(slot) && !(table[2 * slot] == hi && table[2 * slot + 1] == lo)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Empties a slot, moving later entries of its probe run back so that every entry stays reachable. */
    private void shiftBackInto(int hole) {
        int mask = slots() - 1;
        int slot = hole;
        while (true) {
            slot = (slot + 1) & mask;
            if (!occupied(slot)) {
                break;
            }
            int home = (int) table[2 * slot] & mask;
            // the entry may move into the hole when its home is not cyclically within (hole, slot]
            boolean movable = hole <= slot ? home <= hole || home > slot : home <= hole && home > slot;
            if (movable) {
                table[2 * hole] = table[2 * slot];
                table[2 * hole + 1] = table[2 * slot + 1];
                stamps[hole] = stamps[slot];
                hole = slot;
            }
        }
        table[2 * hole] = 0;
        table[2 * hole + 1] = 0;
        stamps[hole] = 0;
    }

    private void grow() {
        long[] old = table;
        int[] oldStamps = stamps;
        table = new long[old.length * 2];
        stamps = new int[oldStamps.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                int slot = find(old[i], old[i + 1]);
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
                stamps[slot] = oldStamps[i / 2];
            }
        }
    }

    private boolean occupied(int slot) {
        return table[2 * slot] != 0 || table[2 * slot + 1] != 0;
    }

    private int slots() {
        return table.length / 2;
    }

    private long[] fingerprint(String id) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
        long hi = digest.getLong();
        long lo = digest.getLong();
        if (hi == 0 && lo == 0) {
            lo = 1; // all zero marks an empty slot
        }
        return new long[] {hi, lo};
    }
}
