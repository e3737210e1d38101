package dev.oauth2clients;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The tree tells where each rule lives only while each package uses the ones below it and none
 * above: the request path from transport down to representation, then the model, storage and
 * Keycloak's SPIs. These rules fail the build when a cycle or an upward use comes back.
 */
class PackageLayersTest {

  private static final JavaClasses PROVIDER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.oauth2clients");

  @Test
  void noPackageCycles() {
    slices().matching("dev.oauth2clients.(**)").should().beFreeOfCycles().check(PROVIDER);
  }

  /** Validation is pure logic over the contract's rules: testable without a Keycloak. */
  @Test
  void validationUsesNoKeycloakType() {
    ArchRule rule =
        ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("dev.oauth2clients.validation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.keycloak..");
    rule.check(PROVIDER);
  }

  /**
   * Metrics are counted from every layer (the service's operations, a revocation wherever it is
   * made, the token endpoint's events), so the package may use nothing of the provider above the
   * two that every package may use.
   */
  @Test
  void metricsUseOnlySpiAndStore() {
    ArchRule rule =
        ArchRuleDefinition.classes()
            .that()
            .resideInAPackage("dev.oauth2clients.metrics..")
            .should()
            .onlyDependOnClassesThat(
                JavaClass.Predicates.resideOutsideOfPackage("dev.oauth2clients..")
                    .or(
                        JavaClass.Predicates.resideInAnyPackage(
                            "dev.oauth2clients.metrics..",
                            "dev.oauth2clients.spi..",
                            "dev.oauth2clients.store..")));
    rule.check(PROVIDER);
  }

  /**
   * The request path in layers: transport (REST and GraphQL) calls the admission and the service;
   * the service validates and maps to representations. Nothing below it, and no other part of the
   * provider, calls into it.
   */
  @Test
  void theRequestPathIsCalledOnlyFromAbove() {
    layeredArchitecture()
        .consideringAllDependencies()
        .layer("transport")
        .definedBy("dev.oauth2clients.transport..")
        .layer("admission")
        .definedBy("dev.oauth2clients.admission..")
        .layer("service")
        .definedBy("dev.oauth2clients.service..")
        .layer("validation")
        .definedBy("dev.oauth2clients.validation..")
        .layer("representation")
        .definedBy("dev.oauth2clients.representation..")
        .whereLayer("transport")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("admission")
        .mayOnlyBeAccessedByLayers("transport")
        .whereLayer("service")
        .mayOnlyBeAccessedByLayers("transport")
        .whereLayer("validation")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("representation")
        .mayOnlyBeAccessedByLayers("transport", "admission", "service", "validation")
        .check(PROVIDER);
  }
}
