package org.msp.partner;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.msp.infra.testing.PlatformTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnerRegistryTest {

    @Test
    void aPartnerCodeWithANulCharacterIsA400NamingTheParameterNotA500() {
        given().urlEncodingEnabled(false).when().get("/api/v1/partners/%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("code"));
        given().urlEncodingEnabled(false).when().get("/api/v1/projects/not-a-uuid/interests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("projectId"));
    }

    @Test
    void anyoneReadsTheSeededRegistryOfPartnersAndProducerCountries() {
        given().when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("code", hasItems("AU", "CA", "FI", "FR", "JP", "KR", "NO", "SE", "GB", "US", "EU",
                        "AR", "BR", "CD", "MN", "MZ", "NA", "TZ", "ZM"));
        given().when().get("/api/v1/partners?kind=PRODUCER_COUNTRY")
                .then().statusCode(200)
                .body("kind", everyItem(equalTo("PRODUCER_COUNTRY")))
                .body("code", hasItem("CD"))
                .body("code", not(hasItem("US")));
        given().when().get("/api/v1/partners/US")
                .then().statusCode(200)
                .body("name", equalTo("United States"))
                .body("kind", equalTo("MSP_PARTNER"))
                .body("joinedOn", equalTo("2022-06-14"));
    }

    @Test
    void anUnknownKindFilterIsABadRequestNamingIt() {
        given().when().get("/api/v1/partners?kind=OBSERVER")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        given().when().get("/api/v1/partners/XX")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void theSecretariatRegistersAPartnerOnceOnly() {
        String germany = """
                {"code": "DE", "name": "Germany", "kind": "MSP_PARTNER", "joinedOn": "2022-06-14"}""";
        given().contentType(ContentType.JSON).body(germany)
                .when().post("/api/v1/partners")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/partners/DE"))
                .body("name", equalTo("Germany"));
        given().when().get("/api/v1/partners/DE").then().statusCode(200).body("kind", equalTo("MSP_PARTNER"));

        given().contentType(ContentType.JSON).body(germany)
                .when().post("/api/v1/partners")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "secretariat-1", roles = "secretariat")
    void unknownCodesAndKindsAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"code": "XX", "name": "Nowhere", "kind": "MSP_PARTNER", "joinedOn": "2024-01-01"}""")
                .when().post("/api/v1/partners")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON)
                .body("""
                        {"code": "IT", "name": "Italy", "kind": "OBSERVER", "joinedOn": "2024-01-01"}""")
                .when().post("/api/v1/partners")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().when().get("/api/v1/partners/IT").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "zm-officer", roles = "partner-government")
    @OidcSecurity(claims = @Claim(key = "country", value = "ZM"))
    void aPartnerGovernmentCannotRegisterPartners() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"code": "IN", "name": "India", "kind": "MSP_PARTNER", "joinedOn": "2023-06-20"}""")
                .when().post("/api/v1/partners")
                .then().statusCode(403);
        given().when().get("/api/v1/partners/IN").then().statusCode(404);
    }

    @Test
    void registeringWithoutATokenIsUnauthorised() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"code": "IN", "name": "India", "kind": "MSP_PARTNER", "joinedOn": "2023-06-20"}""")
                .when().post("/api/v1/partners")
                .then().statusCode(401);
    }
}
