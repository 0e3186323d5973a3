package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * People's journeys in a real headless Chromium, plus sign-in security (lockout, password
 * reset through real SMTP, sign-out) which the same deployment serves.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("coop.it.smtp.port", 33025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

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
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // a click that submits a form returns before the next page has loaded: finding an element polls for it
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each journey starts signed out: the browser is shared, its cookies are not. */
    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        open("/sign-in");
        browser.manage().deleteAllCookies();
    }

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    private void open(String path) {
        browser.get(Deployments.loopback(url).resolve(path.substring(1)).toString());
    }

    @Test
    void aSecretarySignsInSeesTheDashboardAndFixesAFormError() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "delta", "GREAT_BRITAIN");
        world.person(admin, "delta", "secretary@delta.example", "SECRETARY");

        open("/s/delta");
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
        browser.findElement(By.id("email")).sendKeys("secretary@delta.example");
        browser.findElement(By.id("password")).sendKeys(World.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/sign-in'] button")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/s/delta"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.tagName("h1"), "delta Community Energy"));
        assertThat(browser.findElement(By.cssSelector(".coop-header__name")).getText()).isEqualTo("delta Community Energy");
        assertThat(browser.findElement(By.cssSelector(".coop-header")).getCssValue("background-color")).isEqualTo("rgba(11, 110, 79, 1)");
        // the secretary's bar offers Settings, and the dashboard lists it among everything they may do
        var settingsInBar = By.xpath("//a[contains(@class,'govuk-service-navigation__link') and normalize-space()='Settings']");
        assertThat(browser.findElements(settingsInBar)).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".coop-columns a"))).extracting(WebElement::getText)
                .contains("Settings", "Officers", "Audit trail", "API tokens");
        assertThat(browser.getPageSource()).doesNotContain("GOV.UK");

        browser.findElement(settingsInBar).click();
        var maximum = browser.findElement(By.id("maximumHoldingShares"));
        maximum.clear();
        maximum.sendKeys("200000");
        browser.findElement(By.cssSelector("form[action$='/settings'] button[type=submit]")).click();
        var summary = browser.findElement(By.cssSelector(".govuk-error-summary"));
        assertThat(summary.getText()).contains("Maximum holding is worth more than the holding cap");
        // the summary links to the field, and following it lands on the field (keyboard users)
        summary.findElement(By.cssSelector("a[href='#maximumHoldingShares']")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("maximumHoldingShares");

        maximum = browser.findElement(By.id("maximumHoldingShares"));
        maximum.clear();
        maximum.sendKeys("10000");
        browser.findElement(By.cssSelector("form[action$='/settings'] button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("rules have been saved");
        assertThat(browser.findElement(By.id("maximumHoldingShares")).getAttribute("value")).isEqualTo("10000");

        browser.findElement(By.cssSelector(".coop-header form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign-in"));
        open("/s/delta/settings");
        assertThat(browser.getCurrentUrl()).contains("/sign-in");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        var world = world();
        var admin = world.admin();
        world.society(admin, "epsilon", "GREAT_BRITAIN");
        world.person(admin, "epsilon", "treasurer@epsilon.example", "TREASURER");
        var attacker = world.anonymous();
        for (int i = 0; i < 5; i++) {
            var wrong = attacker.submit("/sign-in", "/sign-in", Map.of("email", "treasurer@epsilon.example", "password", "guess " + i));
            assertThat(wrong.statusCode()).isEqualTo(400);
        }
        var right = attacker.submit("/sign-in", "/sign-in", Map.of("email", "treasurer@epsilon.example", "password", World.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(right.body()).contains("locked");
        var unknown = attacker.submit("/sign-in", "/sign-in", Map.of("email", "nobody@epsilon.example", "password", "whatever it is"));
        assertThat(unknown.body()).contains("Enter a correct email address and password");
    }

    @Test
    void aForgottenPasswordIsResetByASingleUseEmailedLink() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "zeta", "GREAT_BRITAIN");
        var director = world.person(admin, "zeta", "director@zeta.example", "DIRECTOR");

        var someone = world.anonymous();
        var asked = someone.submit("/forgot-password", "/forgot-password", Map.of("email", "director@zeta.example"));
        assertThat(asked.statusCode()).isEqualTo(303);
        var unknown = someone.submit("/forgot-password", "/forgot-password", Map.of("email", "nobody@zeta.example"));
        assertThat(unknown.statusCode()).isEqualTo(303);

        String link = World.linkIn(world.lastMailTo("director@zeta.example", "Reset your Cooperage password"));
        String token = URI.create(link).getQuery().replace("token=", "");
        var reset = someone.submit(World.pathOf(link), "/reset-password",
                Map.of("token", token, "password", "a brand new password", "confirmation", "a brand new password"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(303);

        var again = someone.submit("/sign-in", "/reset-password",
                Map.of("token", token, "password", "another new password", "confirmation", "another new password"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or has already been used");

        world.anonymous().signIn("director@zeta.example", "a brand new password");
        var old = world.anonymous().submit("/sign-in", "/sign-in", Map.of("email", "director@zeta.example", "password", World.PASSWORD));
        assertThat(old.statusCode()).isEqualTo(400);

        // signing out ends the session for the API too
        assertThat(director.get("/api/v1/me").statusCode()).isEqualTo(200);
        director.submit("/s/zeta", "/sign-out", Map.of());
        assertThat(director.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aMemberOfThePublicAppliesIsAdmittedSignsInAndSeesTheirMemberNumber() throws Exception {
        var world = world();
        var admin = world.admin();
        world.society(admin, "sigma", "GREAT_BRITAIN");
        var secretary = world.person(admin, "sigma", "secretary@sigma.example", "SECRETARY");

        open("/s/sigma/join");
        browser.findElement(By.linkText("Start now")).click();
        browser.findElement(By.id("name")).sendKeys("Gwen Harris");
        browser.findElement(By.id("dateOfBirth-day")).sendKeys("12");
        browser.findElement(By.id("dateOfBirth-month")).sendKeys("5");
        browser.findElement(By.id("dateOfBirth-year")).sendKeys("1985");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.findElement(By.id("address")).sendKeys("7 Harbour Road\nBristol");
        browser.findElement(By.id("postcode")).sendKeys("bs1 5aa");
        browser.findElement(By.id("email")).sendKeys("gwen@sigma.example");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // declarations: forgetting to agree to the rules is caught, with the summary linked to the box
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("agree to be bound by the society's rules");
        browser.findElement(By.id("confirmAge")).click();
        browser.findElement(By.id("agreeRules")).click();
        browser.findElement(By.id("purpose-NOTICES")).click();
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // wait for the new page: reading the h1 at once can catch the old page's, which then goes stale
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Check your answers"));
        assertThat(browser.getPageSource()).contains("Gwen Harris").contains("7 Harbour Road");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).startsWith("M-");
        assertThat(world.lastMailTo("gwen@sigma.example", "Your application").getSubject()).contains("sigma");

        var queue = secretary.get("/s/sigma/applications");
        assertThat(queue.body()).contains("Gwen Harris").contains(reference);
        String action = org.jsoup.Jsoup.parse(queue.body()).select("form[action$=/admission]").attr("action");
        var admitted = secretary.submit("/s/sigma/applications", action, Map.of());
        assertThat(admitted.statusCode()).isEqualTo(303);

        String link = World.linkIn(world.lastMailTo("gwen@sigma.example", "invited"));
        open(World.pathOf(link));
        browser.findElement(By.id("password")).sendKeys("gwen's long password");
        browser.findElement(By.id("confirmation")).sendKeys("gwen's long password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/sign-in"));
        browser.findElement(By.id("email")).sendKeys("gwen@sigma.example");
        browser.findElement(By.id("password")).sendKeys("gwen's long password");
        browser.findElement(By.cssSelector("form[action$='/sign-in'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/s/sigma"));
        browser.findElement(By.linkText("My membership")).click();
        assertThat(browser.findElement(By.id("member-number")).getText()).isEqualTo("1");
        assertThat(browser.getPageSource()).contains("Gwen Harris").contains("BS1 5AA");
        assertThat(browser.findElements(By.linkText("Members"))).isEmpty();
    }
}
