import CTICore

/// Realistic caller IDs for generated calls: Vietnamese mobiles and landlines, international
/// numbers, some withheld names, and names with characters Asterisk must C-escape (`"`, `\`).
enum CallerDirectory {
    static let names = [
        "Nguyen Van A", "Tran Thi Bich", "Le Hoang Long", "Pham Minh Duc", "Hoang Thu Ha", "Vu Duc Thang",
        "Dang Lan Anh", "Bui Quoc Huy", "Do Mai Phuong", "Ngo Bao Chau", "Nguyễn Thị Hương", "Trần Văn Đức",
        "O'Neil \"Jr\"", "Müller, Jörg", "Acme Corp\\Billing", "Sarah \"Sally\" Connor", "", "",
        "José García", "Anna Schmidt",
    ]

    static let mobilePrefixes = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "032", "070", "079"]

    /// A caller's number and name (empty when withheld).
    static func caller(using random: inout SeededGenerator) -> (number: String, name: String) {
        let name = names[Int(random.next() % UInt64(names.count))]
        func digits(_ count: Int) -> String { (0..<count).map { _ in String(random.next() % 10) }.joined() }
        let number: String
        switch random.next() % 10 {
        case 0: number = "+49" + "30" + digits(8)
        case 1: number = "+1" + "212" + digits(7)
        case 2: number = "028" + digits(8)
        default: number = mobilePrefixes[Int(random.next() % UInt64(mobilePrefixes.count))] + digits(7)
        }
        return (number, name)
    }
}
