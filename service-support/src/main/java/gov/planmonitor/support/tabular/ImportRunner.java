package gov.planmonitor.support.tabular;

import gov.planmonitor.support.observability.SuiteMetrics;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.rest.BodyLimit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs an import: the upload is first spooled to a temporary file (never held in memory, deleted afterwards) and read
 * from there within the limits of {@link Tabular.Limits}; then every row goes through the service's own handler in one
 * transaction. Any row error rejects the whole file (422 with every error), and a dry run reports and rolls back.
 */
@ApplicationScoped
public class ImportRunner {

    private final SuiteMetrics metrics;
    private final Tabular.Limits limits;
    private final long maxBytes;

    public ImportRunner(SuiteMetrics metrics, BodyLimit bodyLimit,
                        @ConfigProperty(name = "planmonitor.limits.import-rows", defaultValue = "50000") int maxRows,
                        @ConfigProperty(name = "planmonitor.limits.import-errors", defaultValue = "1000") int maxErrors,
                        @ConfigProperty(name = "planmonitor.limits.xlsx-expanded-size", defaultValue = "16M") MemorySize xlsxExpanded,
                        @ConfigProperty(name = "planmonitor.limits.xlsx-expanded-total", defaultValue = "48M") MemorySize xlsxExpandedTotal) {
        this.metrics = metrics;
        // The same limit BodyLimit applies to a declared Content-Length, here to a body sent without one.
        this.maxBytes = bodyLimit.maxBytes();
        this.limits = new Tabular.Limits(maxRows, xlsxExpandedTotal.asLongValue(), maxErrors);
        // An XLSX is a zip: a small upload can expand to gigabytes (a "zip bomb"). POI refuses entries that expand past
        // this size, and (by default) ones that compress more than 100 to 1; the parts together are bounded by the
        // total above.
        ZipSecureFile.setMaxEntrySize(xlsxExpanded.asLongValue());
    }

    public ImportReportDto run(Tabular.Format format, InputStream body, String entity, boolean dryRun,
                               Map<String, Tabular.Columns> schema, Tabular.RowHandler handler, String user) {
        Path file = spool(body);
        try {
            // Read before the transaction: a file refused for its form never holds a database connection.
            if (entity != null && !schema.containsKey(entity)) {
                throw new ServiceException.BadQuery("entity", "unknown entity " + entity + "; one of " + schema.keySet());
            }
            return QuarkusTransaction.requiringNew().call(() -> apply(format, file, entity, dryRun, schema, handler, user));
        } catch (DryRun done) {
            return done.report;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
        }
    }

    private ImportReportDto apply(Tabular.Format format, Path file, String entity, boolean dryRun,
                                  Map<String, Tabular.Columns> schema, Tabular.RowHandler handler, String user) {
        Tabular.Result result = Tabular.importAll(format, file, entity, schema, handler, user, limits);
        if (!result.errors().isEmpty() && !dryRun) {
            metrics.rejected(result.errors());
            throw new ServiceException.ImportRejected(result.errors());
        }
        ImportReportDto report = new ImportReportDto(dryRun, !dryRun, result.counts(), result.errors());
        if (dryRun) {
            // Thrown to roll the transaction back, caught outside it.
            throw new DryRun(report);
        }
        metrics.imported(result.counts());
        return report;
    }

    /** A dry run's report, carried out of its transaction by the exception that rolls it back. */
    private static final class DryRun extends RuntimeException {
        private final transient ImportReportDto report;

        DryRun(ImportReportDto report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /** The upload in a temporary file, refused (413) past the body limit even when it came without a Content-Length. */
    private Path spool(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("planmonitor-import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the import", e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (body != null) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new ServiceException.TooLarge("the body has more than " + maxBytes
                                + " bytes; this service accepts at most that many (split an import into several files)");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // as above
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("the upload could not be read", (IOException) e);
        }
    }
}
