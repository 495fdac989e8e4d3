package org.backcare.notification;

import java.util.Properties;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Where mail goes. With {@code spring.mail.host} set, Spring Boot's own sender delivers
 * to that server. Without it (the default run, the tests), BackCare starts an embedded
 * SMTP server, GreenMail, on a free local port and delivers to it, so every message can
 * be read in the admins' mailbox and by tests, and nothing leaves the machine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
@EnableScheduling
class MailConfiguration {

	@Bean(destroyMethod = "stop")
	@ConditionalOnProperty(prefix = "spring.mail", name = "host", havingValue = "embedded", matchIfMissing = true)
	GreenMail embeddedMailServer() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		server.start();
		return server;
	}

	@Bean
	@ConditionalOnProperty(prefix = "spring.mail", name = "host", havingValue = "embedded", matchIfMissing = true)
	JavaMailSender embeddedMailSender(GreenMail server) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(server.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		properties.put("mail.smtp.writetimeout", "5000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	/**
	 * Secret links in the mailbox: with the embedded server, in the demo (or where
	 * {@code backcare.mail.mailbox-shows-links} says so, as the tests do).
	 */
	@Bean
	MailMode mailMode(org.springframework.beans.factory.ObjectProvider<GreenMail> embedded,
			org.springframework.core.env.Environment environment) {
		boolean demo = environment.getProperty("backcare.demo.enabled", Boolean.class, true);
		boolean asked = environment.getProperty("backcare.mail.mailbox-shows-links", Boolean.class, false);
		return new MailMode(embedded.getIfAvailable() != null && (demo || asked));
	}

	/**
	 * The plain-text half of each mail, from {@code templates/mail/*.txt} in Thymeleaf's
	 * text mode (the HTML half is an ordinary page template).
	 */
	@Bean
	ITemplateResolver mailTextTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(0);
		resolver.setCheckExistence(true);
		return resolver;
	}

}
