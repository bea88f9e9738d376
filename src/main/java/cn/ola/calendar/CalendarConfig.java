package cn.ola.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfig {

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.weekendsOnly();
    }
}
