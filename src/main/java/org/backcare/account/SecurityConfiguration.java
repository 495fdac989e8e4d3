package org.backcare.account;

import jakarta.servlet.http.HttpServletResponse;

import org.backcare.platform.ProblemResponses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two ways in. The API ({@code /api/**}) is stateless and accepts only bearer tokens, so
 * no cookie can authenticate it and it needs no CSRF token. Pages use a session from the
 * login form, with CSRF protection, a new session id at sign-in, and a content security
 * policy that allows no inline script. Which caller may see which record is decided by
 * the modules that own the records, using {@link CurrentUser}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * A URL the firewall refuses (encoded slashes, semicolons, …) gets a problem
	 * document, not an empty 400.
	 */
	@Bean
	RequestRejectedHandler rejectedRequests() {
		return (request, response, rejected) -> ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
				"invalid-request", "Invalid request", "The request URL contains characters that are not allowed.");
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokens tokens, ApplicationEventPublisher events) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
			new BearerTokenAuthenticationEntryPoint().commence(request, response, failure);
			String detail = (request.getHeader("Authorization") == null)
					? "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /api/v1/auth/token."
					: "The bearer token is not valid (expired, revoked or malformed). Get a new one from POST /api/v1/auth/token.";
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", "Not signed in",
					detail);
		};
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/therapists", "/api/v1/therapists/*",
						"/api/v1/therapists/*/availability", "/api/v1/availability", "/api/v1/auth/consent-texts",
						"/api/v1/intake/rules", "/api/v1/intake/questionnaire", "/api/v1/therapists/*/reviews",
						"/api/v1/plan/rules")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/register",
						"/api/v1/auth/invitations/accept", "/api/v1/auth/confirm-email", "/api/v1/auth/password-reset",
						"/api/v1/auth/password-reset/complete")
				.permitAll()
				.requestMatchers("/api/v1/admin/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens::authenticate))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden()))
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden()))
			.addFilterBefore(new RefusalsAudited(events), ExceptionTranslationFilter.class)
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, FormSignIn formSignIn, Accounts accounts,
			ApplicationEventPublisher events) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/login", "/register", "/confirm-email", "/password-reset", "/password-reset/new",
					"/invitation", "/css/**", "/js/**", "/img/**", "/webjars/**", "/error", "/favicon.ico",
					"/robots.txt")
			.permitAll()
			// Therapist profiles are public, as the directory is.
			.requestMatchers(HttpMethod.GET, "/therapists/*")
			.permitAll()
			// A calendar app cannot sign in: the feed's secret address is its key.
			.requestMatchers(HttpMethod.GET, "/calendar-feed/*")
			.permitAll()
			.requestMatchers("/my-calendar-feed", "/my-calendar-feed/**")
			.hasRole(Role.THERAPIST.name())
			.requestMatchers("/match")
			.hasAnyRole(Role.CLIENT.name(), Role.ADMIN.name())
			// Health and metrics hold no personal data; in production expose them on
			// management.server.port.
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
			.permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
					"/swagger-ui/**")
			.permitAll()
			.requestMatchers("/actuator/**", "/admin", "/admin/**", "/calendar")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/book", "/book/**")
			.hasAnyRole(Role.CLIENT.name(), Role.ADMIN.name())
			// The questionnaire is filled in by the client, or entered by the front desk
			// from paper.
			.requestMatchers("/intake")
			.hasAnyRole(Role.CLIENT.name(), Role.ADMIN.name())
			.requestMatchers("/me", "/me/**")
			.hasRole(Role.CLIENT.name())
			.requestMatchers("/assessments", "/day")
			.hasAnyRole(Role.THERAPIST.name(), Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.authenticationProvider(formSignIn)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new RoleLanding())
				.failureHandler((request, response, failure) -> response
					.sendRedirect(request.getContextPath() + ((failure instanceof LockedException) ? "/login?paused"
							: (failure instanceof DisabledException) ? "/login?unconfirmed" : "/login?error")))
				.permitAll())
			.addFilterAfter(new SessionStillValid(accounts), SecurityContextHolderFilter.class)
			.addFilterBefore(new RefusalsAudited(events), ExceptionTranslationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(SecurityConfiguration::headers)
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
			.contentTypeOptions(Customizer.withDefaults());
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, denied) -> ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN,
				"forbidden", "Not allowed", "Your role does not allow this.");
	}

}
