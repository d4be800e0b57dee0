package streamlab.lab10;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.LabUsageException;

/**
 * The database options of Lab10 (a picocli mixin) and the checks made with them before Spark starts: a
 * wrong value, a failed login or a missing table is one sentence (exit status 2).
 */
final class DatabaseOptions {

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description = "The database to write to, e.g. jdbc:postgresql://localhost:5432/streamlab"
                    + " (default: an embedded H2 in memory, in PostgreSQL mode).")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "", description = "The database user (with --jdbc-url).")
    String user;

    @Option(names = "--password", defaultValue = "", description = "The database user's password (with --jdbc-url).")
    String password;

    @Option(
            names = "--table",
            defaultValue = "word_counts",
            description = "The name the tables start with: NAME_dstream, NAME_structured, NAME_totals"
                    + " (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(
            names = "--create-tables",
            description = "Create the tables that are missing (the embedded database always does).")
    boolean createTables;

    /** The database of the options: the embedded H2, or --jdbc-url with --user and --password. */
    DbSettings settings() {
        if (!DbSettings.NAME.matcher(table).matches()) {
            throw new LabUsageException("--table " + table + ": a table name is a letter followed by letters, digits"
                    + " or underscores (at most 40).");
        }
        if (jdbcUrl == null) {
            return new DbSettings(DbSettings.EMBEDDED_URL, "sa", "", table, DbSettings.POOL_SIZE, 30_000);
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new LabUsageException("--jdbc-url " + jdbcUrl + " is not a JDBC URL: it starts with jdbc:, e.g."
                    + " jdbc:postgresql://localhost:5432/streamlab.");
        }
        return new DbSettings(jdbcUrl, user, password, table, DbSettings.POOL_SIZE, 30_000);
    }

    /**
     * Before Spark starts: can we log in, and are the tables of the APIs that run there (or may we create
     * them; {@code totals}: the Structured table holds running totals)? Then empties them: the Structured
     * query on a socket starts afresh at batch 0, and a batch id means something only within one checkpoint.
     */
    void prepareTables(DbSettings db, Api api, DbSettings dstreamTable, DbSettings structuredTable, boolean totals) {
        List<DbSettings> tables = new ArrayList<>();
        if (api.includes(Api.DSTREAM)) {
            tables.add(dstreamTable);
        }
        if (api.includes(Api.STRUCTURED)) {
            tables.add(structuredTable);
        }
        boolean create = createTables || jdbcUrl == null;
        DbSettings current = db;
        try (Connection connection = Connections.forReading(db)) {
            for (DbSettings t : tables) {
                current = t;
                if (!WordTables.exists(connection, t.table())) {
                    if (!create) {
                        throw new SQLException("missing", "42P01");
                    }
                    if (t == structuredTable && totals) {
                        WordTables.createTotals(connection, t.table());
                    } else {
                        WordTables.createCounts(connection, t.table());
                    }
                }
                WordTables.empty(connection, t.table());
            }
        } catch (SQLException e) {
            throw new LabUsageException(Connections.explain(e, current));
        }
        System.out.println("== writing to " + db.url() + ": "
                + String.join(", ", tables.stream().map(DbSettings::table).toList())
                + " (emptied: every run starts afresh)");
    }
}
