@testable import CaseIngest
import Testing

/// Folding a name scalar by scalar, with the Latin letters' folds looked up, gives what
/// decomposing the whole name gives.
@Suite struct NameFoldTests {
    @Test func everyLatinScalarFoldsAsItsDecomposition() {
        for value in 0..<0x250 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(NameKey.fold(String(scalar) + "é") == NameKey.foldDecomposing(String(scalar) + "é"), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        "Álvarez Lagos", "Zoë Ödön-Ångström", "Łukasz Żółć", "Şahin Öztürk", "Nguyễn Văn Đài", "e\u{0301}mile Cafe\u{0301}",
        "Ιωάννης Παπαδόπουλος", "Алексей Навальный", "O’Brien `Quoted`", "ß Straße", "İstanbul ılık", "한국어 이름", "Dž Ǆ ǅ",
    ])
    func aNameFoldsAsItsDecomposition(name: String) {
        #expect(NameKey.fold(name) == NameKey.foldDecomposing(name))
    }
}
