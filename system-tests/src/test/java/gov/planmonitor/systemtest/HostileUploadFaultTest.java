package gov.planmonitor.systemtest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged indicator-service, with the heap ./run and the images give it and exit on out-of-memory, under hostile
 * uploads from four clients at once for 12 s: the 1.5 KB workbook whose one cell lies at AAAAAAA1 (it once made the
 * service exit within a second), a workbook whose parts expand past the total, a cell of 40,000 characters, a CSV line
 * of five million commas, an endless quoted field, a JSON import row holding a million-element array, and a body
 * nested 10,000 deep. Each is refused with a Problem; meanwhile a reader is answered every time, the resident size
 * stays within the container limit the manifests give (768 MiB), and the process is the one that started.
 */
class HostileUploadFaultTest {

    private static final String SERVICE = "indicator-service";
    private static final long CONTAINER_LIMIT_KB = 768L * 1024;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record Upload(String name, String path, String contentType, byte[] body, Set<Integer> expected) {
    }

    @Test
    void hostileUploadsNeitherStopTheServiceNorOutgrowItsMemory() throws Exception {
        FaultSuite faults = FaultSuite.get();
        long pid = faults.suite.process(SERVICE).pid();
        String token = faults.token("admin");
        List<Upload> uploads = uploads();
        long before = faults.rssKb(SERVICE);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong maxRss = new AtomicLong(before);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        work.add(pool.submit(() -> {
            while (running.get()) {
                try {
                    maxRss.accumulateAndGet(faults.rssKb(SERVICE), Math::max);
                    Thread.sleep(100);
                } catch (Exception e) {
                    failures.add("RSS: " + e);
                    return;
                }
            }
        }));
        work.add(pool.submit(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> read = faults.send("GET", faults.url(SERVICE, "/api/v1/plans/FYP13"), null, null);
                    if (read.statusCode() != 200) {
                        failures.add("read answered " + read.statusCode());
                    }
                    reads.incrementAndGet();
                    Thread.sleep(100);
                } catch (Exception e) {
                    failures.add("read failed: " + e);
                }
            }
        }));
        for (int client = 0; client < 4; client++) {
            int offset = client;
            work.add(pool.submit(() -> {
                for (int i = offset; running.get(); i++) {
                    Upload upload = uploads.get(i % uploads.size());
                    try {
                        HttpResponse<String> answer = faults.http.send(HttpRequest.newBuilder(URI.create(faults.url(SERVICE, upload.path())))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Content-Type", upload.contentType())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body())).build(), HttpResponse.BodyHandlers.ofString());
                        boolean problem = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                        if (!upload.expected().contains(answer.statusCode()) || !problem) {
                            failures.add(upload.name() + " answered " + answer.statusCode() + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
                        }
                        refused.computeIfAbsent(upload.name(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        failures.add(upload.name() + " failed: " + e);
                    }
                }
            }));
        }
        Thread.sleep(12_000);
        running.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("[fault] hostile uploads: %s refused; %d reads answered; RSS %d MB before, %d MB at most (limit %d MB)%n",
                new LinkedHashMap<>(refused), reads.get(), before / 1024, maxRss.get() / 1024, CONTAINER_LIMIT_KB / 1024);
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(pid, faults.suite.process(SERVICE).pid(), "the service that started is the one still answering");
        assertTrue(faults.suite.process(SERVICE).isAlive());
        assertEquals(uploads.size(), refused.size(), "every kind of upload was sent: " + refused.keySet());
        assertTrue(reads.get() >= 30, "the reader was answered throughout: " + reads.get());
        assertTrue(maxRss.get() <= CONTAINER_LIMIT_KB, "RSS " + maxRss.get() / 1024 + " MB passed the container limit");
    }

    private static List<Upload> uploads() throws IOException {
        Set<Integer> unprocessable = Set.of(422);
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload("cell AAAAAAA1", "/api/v1/imports?entity=observations", XLSX,
                workbook("observations", "<row r=\"1\"><c r=\"AAAAAAA1\" t=\"inlineStr\"><is><t>indicator</t></is></c></row>"), unprocessable));
        uploads.add(new Upload("cell of 40,000 characters", "/api/v1/imports", XLSX,
                workbook("plans", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "x".repeat(40_000) + "</t></is></c></row>"), unprocessable));
        uploads.add(new Upload("parts expanding to 60 MB", "/api/v1/imports", XLSX, parts(5, 12), Set.of(413)));
        uploads.add(new Upload("CSV line of 5,000,000 commas", "/api/v1/imports?entity=plans", "text/csv",
                ("code,kind,startYear,endYear,titleZh,titleEn,parent\n" + ",".repeat(5_000_000) + "\n").getBytes(StandardCharsets.UTF_8), unprocessable));
        uploads.add(new Upload("endless quoted field", "/api/v1/imports?entity=plans", "text/csv",
                ("code,kind,startYear,endYear,titleZh,titleEn,parent\nX,FIVE_YEAR,2021,2025,\"" + "y".repeat(9_000_000)).getBytes(StandardCharsets.UTF_8), unprocessable));
        uploads.add(new Upload("JSON row holding a million-element array", "/api/v1/imports", "application/json",
                ("{\"plans\":[{\"code\":[" + "0,".repeat(1_000_000) + "0]}]}").getBytes(StandardCharsets.UTF_8), unprocessable));
        uploads.add(new Upload("body nested 10,000 deep", "/api/v1/plans", "application/json",
                ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8), Set.of(400)));
        return uploads;
    }

    /** The smallest workbook POI opens: one sheet named {@code sheet} holding {@code rows} (sheetData's content). */
    private static byte[] workbook(String sheet, String rows) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"" + sheet + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + rows + "</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A zip of {@code count} parts of {@code megabytes} MB of zeros each: small on the wire, large expanded. */
    private static byte[] parts(int count, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1024 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int part = 0; part < count; part++) {
                zip.putNextEntry(new ZipEntry("xl/media/filler" + part + ".bin"));
                for (int mb = 0; mb < megabytes; mb++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
