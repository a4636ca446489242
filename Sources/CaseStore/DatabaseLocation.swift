import Foundation

/// Where the database lives: `--db PATH`, else `$CASETRACK_DB`, else
/// `$XDG_DATA_HOME/casetrack/cases.sqlite` (`~/.local/share/…` when unset).
public enum DatabaseLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["CASETRACK_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/casetrack/cases.sqlite"
    }
}
