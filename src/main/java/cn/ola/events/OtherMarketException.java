package cn.ola.events;

/**
 * An offering on another overseas market than the one where the case is listed: that is a new listing
 * abroad, filed as a new application (with its screening), not as a subsequent offering of this case.
 * Nothing was filed.
 */
public class OtherMarketException extends RuntimeException {

    private final String listedExchange;
    private final String offeredExchange;

    OtherMarketException(String applicationNumber, String listedExchange, String offeredExchange) {
        super("Application " + applicationNumber + " is listed on " + listedExchange + "; an offering on " + offeredExchange
                + " is a listing on another overseas market. File it as a new application, naming this listing as the "
                + "company's earlier listing abroad.");
        this.listedExchange = listedExchange;
        this.offeredExchange = offeredExchange;
    }

    public String listedExchange() {
        return listedExchange;
    }

    public String offeredExchange() {
        return offeredExchange;
    }
}
