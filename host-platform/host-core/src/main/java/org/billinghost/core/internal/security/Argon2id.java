package org.billinghost.core.internal.security;

import java.util.Arrays;

/**
 * Argon2id, version 0x13 (RFC 9106), without secret or associated data: the password hash of {@link PasswordHasher}.
 * Written here rather than taken from Bouncy Castle (the JDK has no Argon2) because of memory, measured in
 * docs/performance.md: the 7 MB {@code bcprov} bundle added 3 MB to the idle host, embedding its packages pulled in
 * 2,500 classes, and its blocks are objects of their own, which the collector copies and promotes while a hash
 * runs. Here the memory is one {@code long[]}, kept for the next hash up to a bound. Lanes are computed one after
 * the other (the result does not depend on it). Not thread-safe: one instance per concurrent hash.
 */
final class Argon2id {
    static final int VERSION = 0x13;
    private static final int TYPE = 2;
    private static final int BLOCK_LONGS = 128;
    private static final int BLOCK_BYTES = 8 * BLOCK_LONGS;
    private static final int SYNC_POINTS = 4;
    private static final long LOW_32 = 0xFFFFFFFFL;
    /** The most memory whose words an int can index: 2^31 / 128 blocks of 1 KiB. */
    private static final int MAX_MEMORY_KIB = Integer.MAX_VALUE / BLOCK_LONGS;
    private static final int MAX_LANES = 0xFFFFFF;

    /** Memory up to this many blocks is kept for the next hash; a larger hash's memory is dropped after it. */
    private final int keptBlocks;
    private long[] memory = new long[0];
    private final long[] r = new long[BLOCK_LONGS];
    private final long[] z = new long[BLOCK_LONGS];
    private final long[] zero = new long[BLOCK_LONGS];
    private final long[] input = new long[BLOCK_LONGS];
    private final long[] address = new long[BLOCK_LONGS];
    private final byte[] blockBytes = new byte[BLOCK_BYTES];
    private final Blake2b blake = new Blake2b(Blake2b.MAX_OUTPUT_BYTES);

    Argon2id(int keptBlocks) {
        this.keptBlocks = keptBlocks;
    }

    /**
     * The tag of {@code length} bytes (4 or more) of {@code password} and {@code salt} (8 bytes or more) with
     * {@code memoryKiB} (at least 8 per lane, below 16 GiB), {@code passes} (1 or more) and {@code lanes} (1 to
     * 2^24 - 1, RFC 9106's bound).
     */
    byte[] hash(byte[] password, byte[] salt, int memoryKiB, int passes, int lanes, int length) {
        if (lanes < 1 || lanes > MAX_LANES || memoryKiB < 8 * lanes || memoryKiB > MAX_MEMORY_KIB || passes < 1
                || length < 4 || salt.length < 8) {
            throw new IllegalArgumentException("Argon2id parameters out of range");
        }
        int segment = memoryKiB / (SYNC_POINTS * lanes);
        int laneLength = segment * SYNC_POINTS;
        int blocks = laneLength * lanes;
        long[] mem = blocks <= memory.length / BLOCK_LONGS ? memory
                : blocks <= keptBlocks ? (memory = new long[blocks * BLOCK_LONGS]) : new long[blocks * BLOCK_LONGS];
        try {
            byte[] h0 = new byte[Blake2b.MAX_OUTPUT_BYTES + 8];
            blake.reset(Blake2b.MAX_OUTPUT_BYTES).updateInt(lanes).updateInt(length).updateInt(memoryKiB)
                    .updateInt(passes).updateInt(VERSION).updateInt(TYPE).updateInt(password.length).update(password)
                    .updateInt(salt.length).update(salt).updateInt(0).updateInt(0).digest(h0, 0);
            for (int lane = 0; lane < lanes; lane++) {
                for (int first = 0; first < 2; first++) {
                    Blake2b.writeInt(h0, Blake2b.MAX_OUTPUT_BYTES, first);
                    Blake2b.writeInt(h0, Blake2b.MAX_OUTPUT_BYTES + 4, lane);
                    variableHash(h0, blockBytes, BLOCK_BYTES);
                    int offset = (lane * laneLength + first) * BLOCK_LONGS;
                    for (int i = 0; i < BLOCK_LONGS; i++) {
                        mem[offset + i] = Blake2b.littleEndianLong(blockBytes, 8 * i);
                    }
                }
            }
            for (int pass = 0; pass < passes; pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    for (int lane = 0; lane < lanes; lane++) {
                        fillSegment(mem, pass, slice, lane, lanes, segment, laneLength, blocks, passes);
                    }
                }
            }
            System.arraycopy(mem, (laneLength - 1) * BLOCK_LONGS, r, 0, BLOCK_LONGS);
            for (int lane = 1; lane < lanes; lane++) {
                int offset = (lane * laneLength + laneLength - 1) * BLOCK_LONGS;
                for (int i = 0; i < BLOCK_LONGS; i++) {
                    r[i] ^= mem[offset + i];
                }
            }
            for (int i = 0; i < BLOCK_LONGS; i++) {
                for (int b = 0; b < 8; b++) {
                    blockBytes[8 * i + b] = (byte) (r[i] >>> (8 * b));
                }
            }
            byte[] tag = new byte[length];
            variableHash(blockBytes, tag, length);
            return tag;
        } finally {
            // what is left of the blocks derives from the password: not kept in the heap longer than the hash
            Arrays.fill(mem, 0, blocks * BLOCK_LONGS, 0L);
            Arrays.fill(r, 0L);
            Arrays.fill(z, 0L);
            Arrays.fill(blockBytes, (byte) 0);
        }
    }

    private void fillSegment(long[] mem, int pass, int slice, int lane, int lanes, int segment, int laneLength,
            int blocks, int passes) {
        boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
        if (independent) {
            Arrays.fill(input, 0L);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = blocks;
            input[4] = passes;
            input[5] = TYPE;
        }
        int start = pass == 0 && slice == 0 ? 2 : 0;
        if (independent && start != 0) {
            nextAddresses();
        }
        int current = lane * laneLength + slice * segment + start;
        int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        for (int index = start; index < segment; index++, current++, previous++) {
            if (current % laneLength == 1) {
                previous = current - 1;
            }
            long pseudoRandom;
            if (independent) {
                if (index % BLOCK_LONGS == 0) {
                    nextAddresses();
                }
                pseudoRandom = address[index % BLOCK_LONGS];
            } else {
                pseudoRandom = mem[previous * BLOCK_LONGS];
            }
            int referenceLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
            long reference = referenceIndex(pass, slice, index, pseudoRandom & LOW_32, referenceLane == lane,
                    segment, laneLength);
            fill(mem, previous * BLOCK_LONGS, mem, (int) ((long) referenceLane * laneLength + reference) * BLOCK_LONGS,
                    mem, current * BLOCK_LONGS, pass != 0);
        }
    }

    /** RFC 9106 3.4.1.2: the block of the reference lane that {@code pseudoRandom} (32 bits) points at. */
    private static long referenceIndex(int pass, int slice, int index, long pseudoRandom, boolean sameLane,
            int segment, int laneLength) {
        long area;
        if (pass == 0) {
            area = slice == 0 ? index - 1
                    : sameLane ? (long) slice * segment + index - 1 : (long) slice * segment + (index == 0 ? -1 : 0);
        } else {
            area = sameLane ? laneLength - segment + index - 1 : laneLength - segment + (index == 0 ? -1 : 0);
        }
        long relative = (pseudoRandom * pseudoRandom) >>> 32;
        relative = area - 1 - ((area * relative) >>> 32);
        long start = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segment;
        return (start + relative) % laneLength;
    }

    private void nextAddresses() {
        input[6]++;
        fill(zero, 0, input, 0, address, 0, false);
        fill(zero, 0, address, 0, address, 0, false);
    }

    /**
     * The compression function G: {@code out = P(x ^ y) ^ (x ^ y)}, also XORed with the old {@code out} when
     * {@code withXor} (passes after the first).
     */
    private void fill(long[] x, int xOffset, long[] y, int yOffset, long[] out, int outOffset, boolean withXor) {
        for (int i = 0; i < BLOCK_LONGS; i++) {
            r[i] = x[xOffset + i] ^ y[yOffset + i];
        }
        if (withXor) {
            for (int i = 0; i < BLOCK_LONGS; i++) {
                z[i] = r[i] ^ out[outOffset + i];
            }
        } else {
            System.arraycopy(r, 0, z, 0, BLOCK_LONGS);
        }
        for (int i = 0; i < 8; i++) {
            int row = 16 * i;
            round(row, row + 1, row + 2, row + 3, row + 4, row + 5, row + 6, row + 7, row + 8, row + 9, row + 10,
                    row + 11, row + 12, row + 13, row + 14, row + 15);
        }
        for (int i = 0; i < 8; i++) {
            int column = 2 * i;
            round(column, column + 1, column + 16, column + 17, column + 32, column + 33, column + 48, column + 49,
                    column + 64, column + 65, column + 80, column + 81, column + 96, column + 97, column + 112,
                    column + 113);
        }
        for (int i = 0; i < BLOCK_LONGS; i++) {
            out[outOffset + i] = z[i] ^ r[i];
        }
    }

    private void round(int v0, int v1, int v2, int v3, int v4, int v5, int v6, int v7, int v8, int v9, int v10,
            int v11, int v12, int v13, int v14, int v15) {
        g(v0, v4, v8, v12);
        g(v1, v5, v9, v13);
        g(v2, v6, v10, v14);
        g(v3, v7, v11, v15);
        g(v0, v5, v10, v15);
        g(v1, v6, v11, v12);
        g(v2, v7, v8, v13);
        g(v3, v4, v9, v14);
    }

    /** BLAKE2b's G with BlaMka's multiplications, on the words of {@link #r}. */
    private void g(int a, int b, int c, int d) {
        long[] w = r;
        w[a] = blaMka(w[a], w[b]);
        w[d] = Long.rotateRight(w[d] ^ w[a], 32);
        w[c] = blaMka(w[c], w[d]);
        w[b] = Long.rotateRight(w[b] ^ w[c], 24);
        w[a] = blaMka(w[a], w[b]);
        w[d] = Long.rotateRight(w[d] ^ w[a], 16);
        w[c] = blaMka(w[c], w[d]);
        w[b] = Long.rotateRight(w[b] ^ w[c], 63);
    }

    private static long blaMka(long x, long y) {
        return x + y + 2 * (x & LOW_32) * (y & LOW_32);
    }

    /** H' of RFC 9106 3.3: {@code length} bytes of {@code in} into {@code out}, BLAKE2b chained past 64 bytes. */
    private void variableHash(byte[] in, byte[] out, int length) {
        if (length <= Blake2b.MAX_OUTPUT_BYTES) {
            blake.reset(length).updateInt(length).update(in).digest(out, 0);
            return;
        }
        byte[] v = new byte[Blake2b.MAX_OUTPUT_BYTES];
        blake.reset(Blake2b.MAX_OUTPUT_BYTES).updateInt(length).update(in).digest(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        int chained = (length + 31) / 32 - 2;
        for (int i = 1; i < chained; i++) {
            blake.reset(Blake2b.MAX_OUTPUT_BYTES).update(v).digest(v, 0);
            System.arraycopy(v, 0, out, 32 * i, 32);
        }
        blake.reset(length - 32 * chained).update(v).digest(out, 32 * chained);
    }
}
