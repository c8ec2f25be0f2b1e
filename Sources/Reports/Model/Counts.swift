/// How often one answer option (a topic, a barrier, a kind of violation) came up.
public struct CategoryCount: Codable, Sendable, Equatable {
    /// The option id as stored; `_other` for "Other (please specify)".
    public var id: String
    public var name: Wording
    public var count: Int

    public init(id: String, name: Wording, count: Int) {
        self.id = id
        self.name = name
        self.count = count
    }
}

/// A count for one city; city names are typed by people, so spellings are merged first.
public struct CityCount: Codable, Sendable, Equatable {
    public var city: String
    public var count: Int

    public init(city: String, count: Int) {
        self.city = city
        self.count = count
    }
}

/// Counts by city and category (barriers by type, violations by perpetrator or kind): rows are cities.
public struct CityBreakdown: Codable, Sendable, Equatable {
    /// One cell per category, in the order of `categories`.
    public struct Row: Codable, Sendable, Equatable {
        public var city: String
        public var counts: [Int]
        /// Cases in this city, each counted once even where a report ticked several categories.
        public var total: Int
    }

    public var categories: [CategoryCount]
    public var rows: [Row]

    public init(categories: [CategoryCount], rows: [Row]) {
        self.categories = categories
        self.rows = rows
    }

    public var isEmpty: Bool { rows.isEmpty }
}
