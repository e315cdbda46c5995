import CTICore

/// Realistic caller IDs for generated calls, some with characters Asterisk must C-escape.
enum CallerDirectory {
    static let names = [
        "Nguyen Van A", "Tran Thi B", "Le Hoang C", "Pham Minh D", "Hoang Thu E", "Vu Duc F", "Dang Lan G",
        "Bui Quoc H", "Do Mai I", "Ngo Bao K", "O'Neil \"Jr\"", "Müller, Jörg", "", "Acme Corp\\Billing",
    ]

    static func caller(using random: inout SeededGenerator) -> (number: String, name: String) {
        let name = names[Int(random.next() % UInt64(names.count))]
        let digits = (0..<8).map { _ in String(random.next() % 10) }.joined()
        let number = random.next() % 4 == 0 ? "+849" + digits : "09" + digits
        return (number, name)
    }
}
