/// Well-known EU, UN, OSCE and Council of Europe bodies, the regional intergovernmental
/// organisations of the other continents, and a few international NGOs, with the short names
/// texts use for them.
enum Institutions {
    struct Entry {
        var name: String
        var aliases: [String]
        var kind: String
    }

    static let all: [Entry] = [
        Entry(name: "European Parliament", aliases: [], kind: "international"),
        Entry(name: "European Union", aliases: ["EU"], kind: "international"),
        Entry(name: "Council of the European Union", aliases: ["Council"], kind: "international"),
        Entry(name: "European Commission", aliases: ["Commission"], kind: "international"),
        Entry(name: "European External Action Service", aliases: ["EEAS"], kind: "international"),
        Entry(name: "Organization for Security and Co-operation in Europe",
              aliases: ["OSCE", "Organization for Security and Cooperation in Europe", "Organisation for Security and Co-operation in Europe"],
              kind: "international"),
        Entry(name: "Office for Democratic Institutions and Human Rights",
              aliases: ["ODIHR", "OSCE/ODIHR", "OSCE Office for Democratic Institutions and Human Rights"], kind: "international"),
        Entry(name: "OSCE Parliamentary Assembly", aliases: [], kind: "international"),
        Entry(name: "Council of Europe", aliases: [], kind: "international"),
        Entry(name: "Parliamentary Assembly of the Council of Europe", aliases: ["PACE"], kind: "international"),
        Entry(name: "European Court of Human Rights", aliases: ["ECtHR"], kind: "court"),
        Entry(name: "United Nations", aliases: ["UN"], kind: "international"),
        Entry(name: "UN Human Rights Council", aliases: ["UNHRC"], kind: "international"),
        Entry(name: "UN Human Rights Committee", aliases: [], kind: "international"),
        Entry(name: "UN Working Group on Arbitrary Detention", aliases: [], kind: "international"),
        Entry(name: "Office of the UN High Commissioner for Human Rights",
              aliases: ["OHCHR", "Office of the United Nations High Commissioner for Human Rights"], kind: "international"),
        Entry(name: "UN High Commissioner for Refugees", aliases: ["UNHCR"], kind: "international"),
        Entry(name: "World Health Organization", aliases: ["WHO"], kind: "international"),
        Entry(name: "International Labour Organization", aliases: ["ILO"], kind: "international"),
        Entry(name: "International Criminal Court", aliases: ["ICC"], kind: "court"),
        Entry(name: "International Court of Justice", aliases: ["ICJ"], kind: "court"),
        Entry(name: "European Ombudsman", aliases: [], kind: "international"),
        Entry(name: "Congress of Local and Regional Authorities", aliases: [], kind: "international"),
        Entry(name: "European Commission for Democracy through Law", aliases: ["Venice Commission"], kind: "international"),
        Entry(name: "Political and Security Committee", aliases: ["PSC"], kind: "international"),
        Entry(name: "United Nations Office on Drugs and Crime", aliases: ["UNODC"], kind: "international"),
        Entry(name: "Joint United Nations Programme on HIV/AIDS", aliases: ["UNAIDS"], kind: "international"),
        Entry(name: "United Nations Educational, Scientific and Cultural Organization", aliases: ["UNESCO"], kind: "international"),
        Entry(name: "International Committee of the Red Cross", aliases: ["ICRC"], kind: "international"),
        Entry(name: "Interpol", aliases: [], kind: "international"),
        Entry(name: "World Bank", aliases: [], kind: "international"),
        Entry(name: "International Monetary Fund", aliases: ["IMF"], kind: "international"),
        Entry(name: "European Bank for Reconstruction and Development", aliases: ["EBRD"], kind: "international"),
        Entry(name: "European Investment Bank", aliases: ["EIB"], kind: "international"),
        // The regional intergovernmental organisations and human-rights bodies of Africa, the Americas,
        // Asia and the Arab world, as resolutions on their member states name them: by their full name,
        // their acronym, or both (`the African Union and SADC`).
        Entry(name: "African Union", aliases: ["AU"], kind: "international"),
        Entry(name: "Southern African Development Community", aliases: ["SADC"], kind: "international"),
        Entry(name: "Economic Community of West African States", aliases: ["ECOWAS"], kind: "international"),
        Entry(name: "Economic Community of Central African States", aliases: ["ECCAS"], kind: "international"),
        Entry(name: "East African Community", aliases: ["EAC"], kind: "international"),
        Entry(name: "Intergovernmental Authority on Development", aliases: ["IGAD"], kind: "international"),
        Entry(name: "Common Market for Eastern and Southern Africa", aliases: ["COMESA"], kind: "international"),
        Entry(name: "African Commission on Human and Peoples’ Rights", aliases: ["ACHPR", "African Commission on Human and Peoples' Rights"], kind: "international"),
        Entry(name: "International Organisation of La Francophonie",
              aliases: ["OIF", "International Organisation of la Francophonie", "International Organization of La Francophonie",
                        "International Organization of la Francophonie", "Organisation internationale de la Francophonie"],
              kind: "international"),
        Entry(name: "Organization of American States", aliases: ["OAS", "Organisation of American States"], kind: "international"),
        Entry(name: "Inter-American Commission on Human Rights", aliases: ["IACHR"], kind: "international"),
        Entry(name: "Inter-American Court of Human Rights", aliases: [], kind: "court"),
        Entry(name: "Association of Southeast Asian Nations", aliases: ["ASEAN", "Association of South-East Asian Nations"], kind: "international"),
        Entry(name: "League of Arab States", aliases: ["Arab League"], kind: "international"),
        Entry(name: "Gulf Cooperation Council", aliases: ["GCC"], kind: "international"),
        Entry(name: "Organisation of Islamic Cooperation", aliases: ["OIC", "Organization of Islamic Cooperation"], kind: "international"),
        Entry(name: "North Atlantic Treaty Organization", aliases: ["NATO"], kind: "international"),
        Entry(name: "Amnesty International", aliases: [], kind: "ngo"),
        Entry(name: "Human Rights Watch", aliases: [], kind: "ngo"),
        Entry(name: "Reporters Without Borders", aliases: ["RSF"], kind: "ngo"),
        Entry(name: "Transparency International", aliases: [], kind: "ngo"),
        Entry(name: "Front Line Defenders", aliases: [], kind: "ngo"),
        Entry(name: "Freedom House", aliases: [], kind: "ngo"),
        Entry(name: "Committee to Protect Journalists", aliases: ["CPJ"], kind: "ngo"),
    ]
}

/// Country adjectives, for `Freedonian Criminal Code` = Criminal Code of Freedonia.
enum CountryNames {
    /// Whether `word` is the adjective or possessive of `country` (shared stem).
    static func isAdjective(_ word: String, of country: String) -> Bool {
        if let w = printableASCIILowercased(word), let c = printableASCIILowercased(country) { return isAdjective(w, of: c) }
        return isAdjective(Array(word.lowercased()), of: Array(country.lowercased()))
    }

    /// The bytes of `text` lower-cased, when every byte is printable ASCII (nil otherwise): then each
    /// byte is one character, and lower-casing changes only `A`…`Z`, so the bytes compare as the characters do.
    static func printableASCIILowercased(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            bytes.append(byte &- 65 < 26 ? byte | 0x20 : byte)
        }
        return bytes
    }

    /// ``isAdjective(_:of:)`` of lower-cased characters (or bytes that stand for them).
    static func isAdjective<Element: Equatable>(_ w: [Element], of c: [Element]) -> Bool {
        if w == c { return true }
        var shared = 0
        while shared < min(w.count, c.count), w[shared] == c[shared] { shared += 1 }
        return shared >= 4 && shared >= min(w.count, c.count) - 3
    }
}
