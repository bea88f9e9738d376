package cn.ola;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OverseasListingApplication {

    public static void main(String[] args) {
        SpringApplication.run(OverseasListingApplication.class, args);
    }
}
