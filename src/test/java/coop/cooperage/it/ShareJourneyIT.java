package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 4's journey in a real headless Chromium, across the parts several people built: an investor applies on
 * the public offer page, the treasurer imports the bank statement that shows the payment and confirms the match,
 * the board allots, and the investor (admitted by the allotment and invited by email) signs in, sees the holding
 * and downloads the share certificate. Only the setup that is not the journey (society, officers, the open offer
 * and its document, closing it) goes through the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShareJourneyIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("coop.it.smtp.port", 33025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    @BeforeAll
    static void startBrowser() throws Exception {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("coop.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("cooperage-chromium"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("coop.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        // a click that submits a form returns before the next page has loaded: finding an element polls for it
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        signOut();
    }

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    private void open(String path) {
        browser.get(Deployments.loopback(url).resolve(path.substring(1)).toString());
    }

    /** The browser is shared by everyone in the journey; each person starts with no cookies. */
    private void signOut() {
        open("/sign-in");
        browser.manage().deleteAllCookies();
    }

    private void signIn(String email, String password, String landing) {
        signOut();
        open("/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action$='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.urlContains(landing));
    }

    private void submit() {
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** Waits for the page with this heading: reading the h1 at once after a click can catch the old page's. */
    private void expectHeading(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.tagName("h1"), expected));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Opens yesterday, advertised to close in 30 days: the secretary closes it early, and the board allots the same day. */
    private static String offer(String slug) {
        return """
                {"slug":"%s","title":"Solar on the school roofs","description":"Panels on three schools.\\nOwned by the community.",
                 "keyFacts":"Panels: 150 kWp\\nTarget interest: 3%%","risks":"You could lose your money\\nWithdrawals may be suspended",
                 "opensOn":"%s","closesOn":"%s","minTargetPence":10000,"maxTargetPence":50000000,"minPerApplicantPence":10000,
                 "maxPerApplicantPence":2000000,"individuals":true,"organisations":true,"minimumAge":16,"locality":"ANYONE",
                 "scaleBack":"PRO_RATA","targetInterestRate":3.0,
                 "payTo":{"accountName":"Journey Community Energy","sortCode":"08-92-99","accountNumber":"65432101"},
                 "chequeAddress":"The Old Boathouse\\nQuay Street\\nBristol BS1 4RW"}""".formatted(slug, TODAY.minusDays(1), TODAY.plusDays(30));
    }

    @Test
    void anInvestorAppliesTheTreasurerMatchesThePaymentTheBoardAllotsAndTheInvestorDownloadsTheCertificate() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "sj1", "GREAT_BRITAIN");
        world.person(admin, "sj1", "treasurer@sj1.example", "TREASURER");
        world.person(admin, "sj1", "director@sj1.example", "DIRECTOR");
        world.person(admin, "sj1", "secretary@sj1.example", "SECRETARY");
        String api = "/api/v1/societies/sj1/offers";
        var created = admin.postJson(api, offer("solar"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var document = admin.postBytes(api + "/solar/document", "application/pdf", PDF);
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        var opened = admin.postJson(api + "/solar/opening", "");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);

        // 1. an anonymous investor applies on the public offer page, one question per page
        open("/s/sj1/offers/solar");
        expectHeading("Solar on the school roofs");
        browser.findElement(By.id("apply")).click();
        browser.findElement(By.id("member-no")).click();
        submit();
        expectHeading("About you");
        browser.findElement(By.id("kind")).click();
        browser.findElement(By.id("name")).sendKeys("Nia Roberts");
        browser.findElement(By.id("dateOfBirth-day")).sendKeys("14");
        browser.findElement(By.id("dateOfBirth-month")).sendKeys("2");
        browser.findElement(By.id("dateOfBirth-year")).sendKeys("1979");
        submit();
        expectHeading("Your contact details");
        browser.findElement(By.id("address")).sendKeys("9 Chapel Street\nBristol");
        browser.findElement(By.id("postcode")).sendKeys("BS1 4RW");
        browser.findElement(By.id("email")).sendKeys("nia@sj1.example");
        submit();
        browser.findElement(By.id("amount")).sendKeys("250");
        submit();
        browser.findElement(By.id("paymentMethod-transfer")).click();
        submit();
        expectHeading("Declarations");
        browser.findElement(By.id("readDocument")).click();
        browser.findElement(By.id("understandRisks")).click();
        browser.findElement(By.id("agreeRules")).click();
        browser.findElement(By.id("purpose-NOTICES")).click();
        submit();
        expectHeading("Check your answers");
        String answers = text(".govuk-summary-list");
        assertThat(answers).contains("Nia Roberts").contains("9 Chapel Street").contains("BS1 4RW").contains("nia@sj1.example")
                .contains("£250 (250 shares)").contains("Bank transfer");
        submit();
        String reference = text("#reference");
        assertThat(reference).matches("[A-Z]+-[A-HJ-NP-Z2-9]{6}");
        assertThat(text("#instructions")).contains("£250.00").contains("08-92-99").contains("65432101").contains(reference);
        assertThat(world.lastMailTo("nia@sj1.example", "Your application for shares").getSubject()).contains(reference);

        // 2. the treasurer imports a Starling statement showing the payment and confirms the proposed match
        signIn("treasurer@sj1.example", World.PASSWORD, "/s/sj1");
        browser.findElement(By.linkText("Money in")).click();
        assertThat(text("#proposed")).contains("(0)");
        browser.findElement(By.linkText("Import a bank statement")).click();
        Path statement = Files.createTempFile("starling", ".csv");
        Files.writeString(statement, "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n"
                + TODAY.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ",N ROBERTS," + reference + ",FASTER PAYMENT,250.00,1250.00,INCOME\n"
                + TODAY.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ",Solar Supplies Ltd,INV 7731,FASTER PAYMENT,-80.00,1170.00,GENERAL\n");
        browser.findElement(By.id("file")).sendKeys(statement.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("proposed-table")));
        var proposed = browser.findElement(By.cssSelector("#proposed-table .proposed-line"));
        assertThat(proposed.getText()).contains(reference).contains("Nia Roberts").contains("£250.00").contains("Exact");
        proposed.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Confirm selected']")).click();
        assertThat(text(".govuk-notification-banner")).contains("1 payment confirmed");
        assertThat(text("#proposed")).contains("(0)");
        open("/s/sj1/payments/applications/" + reference);
        expectHeading("Payments for " + reference);
        assertThat(text("#paid")).isEqualTo("£250.00");

        // 3. the secretary closes the offer early; a director opens the allotment proposal and approves it the same day
        signIn("secretary@sj1.example", World.PASSWORD, "/s/sj1");
        browser.findElement(By.linkText("Share offers")).click();
        browser.findElement(By.linkText("Solar on the school roofs")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Close to applications']")).click();
        assertThat(text(".govuk-notification-banner")).contains("closed to applications");
        String closedOn = TODAY.format(DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        assertThat(text(".govuk-summary-list")).contains("to " + closedOn);
        open("/s/sj1/offers/solar");
        assertThat(text("#not-open")).contains("closed");
        signIn("director@sj1.example", World.PASSWORD, "/s/sj1");
        browser.findElement(By.linkText("Share reports")).click();
        browser.findElement(By.linkText("Allotment proposal")).click();
        expectHeading("Allotment proposal");
        var line = text("#application-" + reference);
        assertThat(line).contains("Nia Roberts").contains("(applicant)").contains("£250.00").contains("250");
        assertThat(text("#total-allotted")).contains("250 shares").contains("£250.00").contains("1 investors");
        var decidedOn = browser.findElement(By.id("decidedOn"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", decidedOn, TODAY.toString());
        browser.findElement(By.id("approve")).click();
        // the approval runs as a job: its page refreshes itself until the job has ended (the wait polls the page)
        expectHeading("Approving the allotment of Solar on the school roofs");
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(ExpectedConditions.presenceOfElementLocated(By.id("job-succeeded")));
        assertThat(text("#job-succeeded")).contains("Allotted 250 shares to 1 investors");
        browser.findElement(By.id("job-result")).click();
        expectHeading("Allotment");
        assertThat(text("#application-" + reference)).contains("(member 1)").contains("Certificate");

        // 4. the investor, admitted by the allotment, accepts the emailed invitation, signs in and sees the holding
        assertThat(world.lastMailTo("nia@sj1.example", "Your shares in").getSubject()).contains("sj1");
        String invitation = World.linkIn(world.lastMailTo("nia@sj1.example", "invited"));
        signOut();
        open(World.pathOf(invitation));
        browser.findElement(By.id("password")).sendKeys("nia's own long password");
        browser.findElement(By.id("confirmation")).sendKeys("nia's own long password");
        submit();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign-in"));
        signIn("nia@sj1.example", "nia's own long password", "/s/sj1");
        browser.findElement(By.linkText("My shares")).click();
        assertThat(text("#holding")).isEqualTo("250 shares, £250.00");
        browser.findElement(By.linkText("My certificates")).click();
        var certificates = text("#certificates");
        assertThat(certificates).contains("250").contains("£250.00");
        String pdfLink = browser.findElement(By.cssSelector("#certificates a[href$='.pdf']")).getAttribute("href");

        // the download, with the investor's session (a browser's PDF viewer is no help headless)
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        var download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(Arrays.copyOf(download.body(), 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(download.body())) {
            String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(printed).contains("Nia Roberts").contains("250");
        }
        // someone else's session does not get it
        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isIn(401, 403, 404);
    }
}
