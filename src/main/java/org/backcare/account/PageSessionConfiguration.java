package org.backcare.account;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Page sessions stay in Spring Session's JDBC store (every node sees every session); the
 * store is used {@link SparingPageSessions sparingly}.
 */
@Configuration(proxyBeanMethods = false)
class PageSessionConfiguration {

	@Bean
	static BeanPostProcessor sparingPageSessions() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store) ? new SparingPageSessions(store) : bean;
			}

		};
	}

	/** Just outside Spring Session's own filter, so a request's bounds enclose it. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> pageSessionRequestScope() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				SparingPageSessions.requestScope());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

}
