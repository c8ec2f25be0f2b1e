import Dialogs

/// Wording shared by the text and HTML reports.
enum PeriodText {
    static func name(_ period: ReportPeriod, _ language: Language) -> String {
        period.isAllTime ? pick(language, "всё время", "бардык убакыт", "all time") : period.displayName
    }

    static func city(_ city: String, _ language: Language) -> String {
        city == CityNames.unknown ? pick(language, "город не указан", "шаар көрсөтүлгөн эмес", "city not given") : city
    }

    static func smallNumberNote(_ rule: SmallNumbers, _ language: Language) -> String {
        pick(language,
             "По городам числа от 1 до \(rule.threshold - 1) показаны как «\(rule.smallLabel)», а «\(SmallNumbers.hiddenLabel)» скрывает число, по которому их можно было бы вычислить: так нельзя узнать человека.",
             "Шаарлар боюнча 1ден \(rule.threshold - 1)ге чейинки сандар «\(rule.smallLabel)» деп көрсөтүлөт, ал эми «\(SmallNumbers.hiddenLabel)» аларды эсептеп чыгууга мүмкүн болгон санды жашырат: адамды таанып калбаш үчүн.",
             "By city, counts from 1 to \(rule.threshold - 1) show as \"\(rule.smallLabel)\", and \"\(SmallNumbers.hiddenLabel)\" hides a count they could be worked out from, so no one can be recognised.")
    }
}
