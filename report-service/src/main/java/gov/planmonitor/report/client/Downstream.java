package gov.planmonitor.report.client;

import gov.planmonitor.support.observability.SuiteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Calls to the indicator and project services with timeout, retry and circuit breaker. A 404 is an answer
 * ({@link NotFound}, neither retried nor counted as a failure); anything else that fails is thrown as {@link Unavailable},
 * whose message a reader can act on (no host, URL or exception in it), and the caller turns it into a 503 (request time)
 * or a FAILED job with the reason (generation time). What an operator needs (URL, status, low-level error) is logged.
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 300, abortOn = Downstream.NotFound.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = Downstream.NotFound.class)
public class Downstream {

    private static final Logger LOG = Logger.getLogger(Downstream.class);

    /** Largest page the project and indicator services serve; a list with more members is read page by page. */
    static final int PAGE_SIZE = 200;

    private final IndicatorRestClient indicators;
    private final ProjectRestClient projects;
    private final SuiteMetrics metrics;

    public Downstream(@RestClient IndicatorRestClient indicators, @RestClient ProjectRestClient projects, SuiteMetrics metrics) {
        this.indicators = indicators;
        this.projects = projects;
        this.metrics = metrics;
    }

    public Page<Plan> annualPlans(int year) {
        return call(() -> indicators.listPlans("ANNUAL", year), "annual plans of " + year, INDICATOR_SERVICE);
    }

    public Plan plan(String code) {
        return call(() -> indicators.getPlan(code), "plan " + code, INDICATOR_SERVICE);
    }

    public PlanEvaluation evaluation(String plan, Integer year, String asOf) {
        return call(() -> indicators.evaluatePlan(plan, year, asOf), "plan " + plan, INDICATOR_SERVICE);
    }

    public Department department(String code) {
        return call(() -> indicators.getDepartment(code), "department " + code, INDICATOR_SERVICE);
    }

    public ProjectList projectList(String code) {
        return call(() -> projects.getProjectList(code), "project list " + code, PROJECT_SERVICE);
    }

    public ProjectListSummary projectSummary(String list, Integer year) {
        return call(() -> projects.summarizeProjectList(list, year), "project list " + list, PROJECT_SERVICE);
    }

    /** One page of a list's projects in printed order. */
    public Page<Project> projectsPage(String list, int page) {
        return call(() -> projects.listProjects(list, page, PAGE_SIZE, "seq"), "project list " + list, PROJECT_SERVICE);
    }

    /** One page of a plan's tasks in the plan's printed order; a department's only (lead or supporting) when it is given. */
    public Page<Task> tasksPage(String plan, String department, int page) {
        return call(() -> indicators.listTasks(plan, department, page, PAGE_SIZE), "the tasks of plan " + plan, INDICATOR_SERVICE);
    }

    /** The services reports are read from, as named in metrics, logs and the rest-client configuration. */
    public static final String INDICATOR_SERVICE = "indicator-service";
    public static final String PROJECT_SERVICE = "project-service";

    private <T> T call(Supplier<T> request, String what, String service) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFound(what + " does not exist");
            }
            metrics.downstreamFailed(service);
            throw logged(Unavailable.of(service, what, e));
        } catch (ProcessingException e) {
            // Connection refused or reset, a timeout of the socket: the service is down or restarting.
            metrics.downstreamFailed(service);
            throw logged(Unavailable.of(service, what, e));
        }
    }

    /** Each failed try, with what an operator needs (the log line carries the request or job id). */
    private static Unavailable logged(Unavailable e) {
        LOG.warnf("call to another service failed: %s", e.detail());
        return e;
    }

    /**
     * The other service could not be reached, did not answer in time, or answered with an error. Its message is for the
     * report's reader and names no host, URL, port or exception ("the indicator service did not answer in time when asked
     * for plan AP2017"); {@link #detail()} is for the logs.
     */
    public static class Unavailable extends RuntimeException {

        /** What went wrong, as far as the reader is concerned. */
        public enum Why {
            /** 401 or 403: the other service does not accept this one's token. Trying again does not help. */
            CREDENTIALS_REFUSED(false),
            /** Another 4xx: the other service refused the request itself. Trying again does not help. */
            REFUSED(false),
            /** 502, 503, 504: the other service (or the proxy before it) is down or restarting. */
            UNAVAILABLE(true),
            /** Another 5xx: the other service failed while answering. */
            FAILED(true),
            /** No answer within the read timeout or the fault-tolerance timeout. */
            TIMEOUT(true),
            /** Connection refused, host unknown, no route. */
            UNREACHABLE(true),
            /** The connection broke off, or some other failure of the exchange. */
            NO_ANSWER(true),
            /** The circuit breaker is open after repeated failures: the service is not asked for a few seconds. */
            FAILING_REPEATEDLY(true);

            private final boolean transient_;

            Why(boolean transient_) {
                this.transient_ = transient_;
            }

            /** Whether the same request may succeed later without anyone doing anything. */
            public boolean isTransient() {
                return transient_;
            }
        }

        private final Why why;
        private final String detail;

        private Unavailable(Why why, String message, String detail, Throwable cause) {
            super(message, cause);
            this.why = why;
            this.detail = detail;
        }

        /**
         * The failure of a call to a service, classified.
         *
         * @param service {@link #INDICATOR_SERVICE} or {@link #PROJECT_SERVICE}
         * @param what    what was asked for ("plan AP2017"), or null when not known
         * @param failure what the call threw: an error status, an I/O failure, a fault-tolerance refusal
         */
        public static Unavailable of(String service, String what, Throwable failure) {
            Why why;
            String status = null;
            if (failure instanceof WebApplicationException web) {
                int code = web.getResponse().getStatus();
                status = "it returned HTTP " + code;
                why = code == 401 || code == 403 ? Why.CREDENTIALS_REFUSED
                        : code == 502 || code == 503 || code == 504 ? Why.UNAVAILABLE
                        : code >= 500 ? Why.FAILED : Why.REFUSED;
            } else if (failure instanceof CircuitBreakerOpenException) {
                why = Why.FAILING_REPEATEDLY;
            } else if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException || isTimeout(failure)) {
                why = Why.TIMEOUT;
            } else if (causedBy(failure, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class,
                    UnresolvedAddressException.class)) {
                why = Why.UNREACHABLE;
            } else {
                why = Why.NO_ANSWER;
            }
            String name = "the " + service.replace('-', ' ');
            String phrase = switch (why) {
                case CREDENTIALS_REFUSED -> name + " refused the report service's credentials";
                case REFUSED -> name + " refused the report service's request";
                case UNAVAILABLE -> name + " was unavailable";
                case FAILED -> name + " failed with an error of its own";
                case TIMEOUT -> name + " did not answer in time";
                case UNREACHABLE -> name + " could not be reached";
                case NO_ANSWER -> name + " did not answer";
                case FAILING_REPEATEDLY -> name + " has failed repeatedly just now, so it is left alone for a few seconds";
            };
            String asked = what == null ? "" : " when asked for " + what;
            String detail = service + " at " + baseUrl(service) + (what == null ? "" : ", reading " + what) + ": "
                    + (status != null ? status : root(failure));
            return new Unavailable(why, phrase + (why == Why.FAILING_REPEATEDLY ? "" : asked), detail, failure);
        }

        public Why why() {
            return why;
        }

        /** For the logs only: the service's URL, the status or the low-level error. */
        public String detail() {
            return detail;
        }

        private static boolean isTimeout(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                        || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                        || t.getClass().getSimpleName().contains("Timeout")) {
                    return true;
                }
            }
            return false;
        }

        @SafeVarargs
        private static boolean causedBy(Throwable failure, Class<? extends Throwable>... kinds) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                for (Class<? extends Throwable> kind : kinds) {
                    if (kind.isInstance(t)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static String root(Throwable failure) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }

        private static String baseUrl(String service) {
            return ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client." + service + ".url", String.class).orElse("(no URL configured)");
        }
    }

    /** The other service answered that the thing does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
