/// SHA-256 (FIPS 180-4), for the content hash that makes re-import a no-op.
///
/// A few dozen lines here instead of a cryptography package: the hash only
/// identifies texts, it protects no secret.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The lowercase hexadecimal digest of `text`'s UTF-8 bytes.
    public static func hex(_ text: String) -> String {
        var text = text
        let state = text.withUTF8 { hash($0) }
        // Eight bytes of hexadecimal digits a word, written straight into the string's storage.
        return String(unsafeUninitializedCapacity: 64) { buffer in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { digits in
                for (index, word) in state.enumerated() {
                    for nibble in 0..<8 {
                        buffer[index * 8 + nibble] = digits[Int(word >> UInt32(28 - nibble * 4) & 0xF)]
                    }
                }
            }
            return 64
        }
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBufferPointer { hash($0) }.flatMap { word in
            (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) }
        }
    }

    /// The eight words of the digest of `message`. Whole blocks are read where they lie;
    /// only the last one or two, with the padding and the length, are copied.
    static func hash(_ message: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let wholeBlocks = message.count / 64
        // The rest of the message, 0x80, zeros and the length in bits: one block or two.
        var tail = [UInt8](repeating: 0, count: message.count % 64 < 56 ? 64 : 128)
        let rest = message.count - wholeBlocks * 64
        for index in 0..<rest { tail[index] = message[wholeBlocks * 64 + index] }
        tail[rest] = 0x80
        let bitLength = UInt64(message.count) * 8
        for index in 0..<8 { tail[tail.count - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8)) }
        state.withUnsafeMutableBufferPointer { state in
            k.withUnsafeBufferPointer { k in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                    for block in 0..<wholeBlocks {
                        compress(UnsafeBufferPointer(rebasing: message[(block * 64)..<(block * 64 + 64)]), into: state, k: k, w: w)
                    }
                    tail.withUnsafeBufferPointer { tail in
                        for start in stride(from: 0, to: tail.count, by: 64) {
                            compress(UnsafeBufferPointer(rebasing: tail[start..<(start + 64)]), into: state, k: k, w: w)
                        }
                    }
                }
            }
        }
        return state
    }

    /// One 64-byte block into the state (FIPS 180-4, 6.2.2); `w` is room for the message schedule.
    @inline(__always)
    private static func compress(_ block: UnsafeBufferPointer<UInt8>, into state: UnsafeMutableBufferPointer<UInt32>,
                                 k: UnsafeBufferPointer<UInt32>, w: UnsafeMutableBufferPointer<UInt32>) {
        // The block's sixteen big-endian words, each read at once.
        let raw = UnsafeRawBufferPointer(block)
        for i in 0..<16 { w[i] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] &>> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] &>> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        // Eight rounds at a time, each naming the working variables in their rotated order:
        // nothing is shuffled between rounds, so they stay in registers.
        for i in stride(from: 0, to: 64, by: 8) {
            round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
            round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
            round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
            round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
            round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
            round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
            round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
            round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
        }
        state[0] = state[0] &+ a; state[1] = state[1] &+ b; state[2] = state[2] &+ c; state[3] = state[3] &+ d
        state[4] = state[4] &+ e; state[5] = state[5] &+ f; state[6] = state[6] &+ g; state[7] = state[7] &+ h
    }

    /// One round (FIPS 180-4, 6.2.2 step 3) with `kw` = K[t] + W[t]: the new `a` is written into `h`
    /// and the new `e` into `d`, which the next round then reads as its `a` and `e`.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ choice &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = (a & b) | (c & (a | b))
        d = d &+ t1
        h = t1 &+ s0 &+ majority
    }

    /// A right rotation; the masking shifts (`&>>`, `&<<`) need no check for a shift of 32 or more.
    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
