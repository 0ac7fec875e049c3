package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
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

    public ImportRunner(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Transactional
    public ImportReportDto run(Tabular.Format format, byte[] body, String entity, boolean dryRun,
                               Map<String, Tabular.Columns> schema, Tabular.RowHandler handler, String user) {
        Tabular.Result result = Tabular.importAll(format, body, entity, schema, handler, user);
        if (!result.errors().isEmpty() && !dryRun) {
            throw new ServiceException.ImportRejected(result.errors());
        }
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (Exception e) {
                throw new IllegalStateException("cannot roll back the dry run", e);
            }
        }
        return new ImportReportDto(dryRun, !dryRun, result.counts(), result.errors());
    }
}
