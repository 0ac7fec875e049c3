package gov.planmonitor.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests with bodies nested thousands deep. Quarkus has RestAssured log a request when its checks fail, and to be
 * ready it pretty-prints every JSON request body beforehand, failing or not: an object nested 10,000 deep becomes
 * 400 million characters (about 4 s of Groovy's JsonOutput, then as long again to copy into the log buffer). These
 * requests log their bodies as sent instead; everything else about the request and its checks is as with given().
 */
public final class DeepBodies {

    private DeepBodies() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().logConfig(RestAssured.config().getLogConfig().enablePrettyPrinting(false)));
    }
}
