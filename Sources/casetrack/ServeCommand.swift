import ArgumentParser
import CaseWeb
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app over this database, for a team (the first account: 'casetrack user add NAME --role admin').",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; for a team, put it behind a reverse proxy \
            with HTTPS (see the README). The CLI keeps working on the same database meanwhile. Stop it with Ctrl-C.
            """)

    @Option(help: "The address to listen on; anything but loopback should sit behind an HTTPS reverse proxy.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Send the session cookie over HTTPS only (set this behind an HTTPS reverse proxy).") var secureCookies = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, such as 8080.") }
    }

    func run() throws {
        database.useAuditKey()
        // Uploads are read by this same binary as a worker process, as imports are.
        let app = try CaseWebApp(databasePath: database.path, secureCookies: secureCookies,
                                 uploadRunner: .worker(executable: ImportSupervisor.executable))
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Output.warn("warning: listening on \(host), not only on this machine: passwords and case data cross the network in clear "
                        + "unless an HTTPS reverse proxy sits in front (see the README), with --secure-cookies.")
        }
        Output.warn("casetrack serves \(database.path) on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops it)")
        try app.serve(host: host, port: port)
    }
}
