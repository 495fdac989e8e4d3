package org.backcare.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.backcare.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Java 21 and newer, requests are served on virtual threads; Java 17 has none to use.
 */
@IntegrationTest
class VirtualThreadsTest {

	@Autowired
	WebServerApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void requestsRunOnVirtualThreadsOnJava21AndNewer() throws Exception {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		Object executor = server.getTomcat().getConnector().getProtocolHandler().getExecutor();
		assertThat(executor.getClass().getSimpleName()).containsIgnoringCase("virtual");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/liveness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void onJava17TheServerStillStartsWithPlatformThreads() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/liveness"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

}
