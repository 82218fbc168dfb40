package org.gridledger.app.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, description and the two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gridLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("GridLedger API")
                        .version("v1")
                        .description("Event-sourced accounting and service-portfolio backend of a national grid "
                                + "organisation. Errors are RFC 9457 problem details with a stable errorCode. "
                                + "Commands answer 201 with a Location; send 'Prefer: return=minimal' to omit the "
                                + "representation. Audit metadata: X-Correlation-Id and X-Reason headers."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An account's username and password"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("glt_<id>_<secret>").description("An API token issued by staff")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
