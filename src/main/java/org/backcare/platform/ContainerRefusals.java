package org.backcare.platform;

import java.io.IOException;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat refuses some requests before BackCare sees them: a path with an encoded slash or
 * a NUL, or broken percent-encoding. Its own answer is an HTML page without BackCare's
 * security headers. This replaces the host's error report with a problem document of the
 * same kind every other refusal has, with the headers. (Requests that reach BackCare
 * never get here: Spring renders their errors itself.)
 */
@Configuration(proxyBeanMethods = false)
class ContainerRefusals {

	@Bean
	TomcatContextCustomizer problemDocumentsForContainerRefusals() {
		return context -> {
			Container host = context.getParent();
			if (host instanceof StandardHost standard) {
				standard.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		};
	}

	/** The host's error report, as a problem document. */
	public static class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String title = (known != null) ? known.getReasonPhrase() : "Error";
			String detail = (status == 400) ? "The request URL cannot be read: it contains an encoded slash, a NUL "
					+ "character or broken percent-encoding. Send ids as they were given." : title + ".";
			// The same headers the security configuration sets on every answer BackCare
			// gives itself.
			response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setHeader("Cache-Control", "no-store");
			try {
				ProblemResponses.write(response.getResponse(), status,
						ApiProblems.slugOf(HttpStatusCode.valueOf(status)), title, detail);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone; there is no one left to tell.
			}
		}

	}

}
