package org.backcare;

import org.backcare.audit.RecordAccess;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The structural half of "every read of a health record is audited": controllers (API and
 * pages) never reach stored records themselves, only through their module's services, and
 * those decide and audit through {@link RecordAccess} (whose audit write,
 * {@code AuditLog.write}, is package-private: nothing outside the audit module can claim
 * an access it did not decide). The behavioural half is in
 * {@link AuthorizationMatrixTest}, which checks an audit entry for every call of every
 * health-record endpoint by every caller.
 */
class HealthRecordAccessTest {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.backcare");

	@Test
	void controllersNeverQueryTheDatabaseThemselves() {
		ArchRule rule = noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat(resideInAPackage("org.backcare..").and(simpleNameEndingWith("Repository")))
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("javax.sql.DataSource")
			.because("a controller reaches a health record only through its module's service, which decides and "
					+ "audits the access through RecordAccess");
		rule.check(CLASSES);
	}

}
