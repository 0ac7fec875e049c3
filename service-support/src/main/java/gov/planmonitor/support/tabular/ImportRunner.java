package gov.planmonitor.support.tabular;

import gov.planmonitor.support.observability.SuiteMetrics;
import gov.planmonitor.support.problem.ServiceException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * Runs an import in one transaction: every row through the service's own handler; any row error rejects the
 * whole file (422 with every error), and a dry run reports and rolls back.
 */
@ApplicationScoped
public class ImportRunner {

    private final TransactionManager transactions;
    private final int maxRows;
    private final SuiteMetrics metrics;

    public ImportRunner(TransactionManager transactions, SuiteMetrics metrics,
                        @ConfigProperty(name = "planmonitor.limits.import-rows", defaultValue = "50000") int maxRows,
                        @ConfigProperty(name = "planmonitor.limits.xlsx-expanded-size", defaultValue = "16M") MemorySize xlsxExpanded) {
        this.transactions = transactions;
        this.maxRows = maxRows;
        this.metrics = metrics;
        // An XLSX is a zip: a small upload can expand to gigabytes (a "zip bomb"). POI refuses entries that expand past
        // this size, and (by default) ones that compress more than 100 to 1.
        ZipSecureFile.setMaxEntrySize(xlsxExpanded.asLongValue());
    }

    @Transactional
    public ImportReportDto run(Tabular.Format format, byte[] body, String entity, boolean dryRun,
                               Map<String, Tabular.Columns> schema, Tabular.RowHandler handler, String user) {
        Tabular.Result result = Tabular.importAll(format, body, entity, schema, handler, user, maxRows);
        if (!result.errors().isEmpty() && !dryRun) {
            metrics.rejected(result.errors());
            throw new ServiceException.ImportRejected(result.errors());
        }
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (Exception e) {
                throw new IllegalStateException("cannot roll back the dry run", e);
            }
        } else {
            metrics.imported(result.counts());
        }
        return new ImportReportDto(dryRun, !dryRun, result.counts(), result.errors());
    }
}
