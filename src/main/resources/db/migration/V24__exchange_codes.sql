-- The venue's exchange becomes a code of the exchanges the application knows (NYSE, HKEX, …, OTHER);
-- an exchange not on the list is OTHER with its name in venue_exchange_name. The market where a
-- company has been listed before (previously_listed_exchange) takes the same codes: the pre-2022
-- exemption from the cybersecurity review holds only for offerings on that market.
-- Existing drafts and cases held the exchange as free text: the spellings we know become their
-- code, any other text becomes OTHER with the text as its name. The same script runs on H2 and MySQL.
ALTER TABLE applications ADD COLUMN venue_exchange_name VARCHAR(100);
ALTER TABLE applications ADD COLUMN previously_listed_exchange VARCHAR(32);

CREATE TABLE exchange_spellings (
    spelling    VARCHAR(100)  NOT NULL,
    code        VARCHAR(32)   NOT NULL,
    CONSTRAINT pk_exchange_spellings PRIMARY KEY (spelling)
);

INSERT INTO exchange_spellings (spelling, code) VALUES
    ('HKEX', 'HKEX'), ('SEHK', 'HKEX'), ('HKSE', 'HKEX'), ('HONG KONG STOCK EXCHANGE', 'HKEX'),
    ('HONG KONG EXCHANGES AND CLEARING', 'HKEX'), ('STOCK EXCHANGE OF HONG KONG', 'HKEX'),
    ('THE STOCK EXCHANGE OF HONG KONG', 'HKEX'), ('香港联合交易所', 'HKEX'), ('香港交易所', 'HKEX'), ('港交所', 'HKEX'),
    ('NYSE', 'NYSE'), ('NEW YORK STOCK EXCHANGE', 'NYSE'), ('纽约证券交易所', 'NYSE'), ('纽交所', 'NYSE'),
    ('NASDAQ', 'NASDAQ'), ('NASDAQ STOCK MARKET', 'NASDAQ'), ('THE NASDAQ STOCK MARKET', 'NASDAQ'),
    ('NASDAQ GLOBAL SELECT MARKET', 'NASDAQ'), ('纳斯达克', 'NASDAQ'), ('纳斯达克证券交易所', 'NASDAQ'),
    ('LSE', 'LSE'), ('LONDON STOCK EXCHANGE', 'LSE'), ('伦敦证券交易所', 'LSE'), ('伦交所', 'LSE'),
    ('SGX', 'SGX'), ('SINGAPORE EXCHANGE', 'SGX'), ('新加坡交易所', 'SGX'), ('新加坡证券交易所', 'SGX'),
    ('FWB', 'FWB'), ('FSE', 'FWB'), ('FRANKFURT STOCK EXCHANGE', 'FWB'), ('FRANKFURTER WERTPAPIERBÖRSE', 'FWB'),
    ('DEUTSCHE BÖRSE', 'FWB'), ('XETRA', 'FWB'), ('法兰克福证券交易所', 'FWB'),
    ('SIX', 'SIX'), ('SIX SWISS EXCHANGE', 'SIX'), ('瑞士证券交易所', 'SIX'), ('瑞士交易所', 'SIX'),
    ('TSE', 'TSE'), ('JPX', 'TSE'), ('TOKYO STOCK EXCHANGE', 'TSE'), ('东京证券交易所', 'TSE'),
    ('KRX', 'KRX'), ('KOREA EXCHANGE', 'KRX'), ('韩国交易所', 'KRX'),
    ('TSX', 'TSX'), ('TORONTO STOCK EXCHANGE', 'TSX'), ('多伦多证券交易所', 'TSX'),
    ('ASX', 'ASX'), ('AUSTRALIAN SECURITIES EXCHANGE', 'ASX'), ('澳大利亚证券交易所', 'ASX'),
    ('EURONEXT PARIS', 'EURONEXT_PARIS'), ('巴黎泛欧交易所', 'EURONEXT_PARIS'),
    ('EURONEXT AMSTERDAM', 'EURONEXT_AMSTERDAM'), ('阿姆斯特丹泛欧交易所', 'EURONEXT_AMSTERDAM'),
    ('LUXSE', 'LUXSE'), ('LUXEMBOURG STOCK EXCHANGE', 'LUXSE'), ('卢森堡证券交易所', 'LUXSE');

UPDATE applications SET venue_exchange = NULL WHERE TRIM(venue_exchange) = '';

UPDATE applications SET venue_exchange_name = TRIM(venue_exchange), venue_exchange = 'OTHER'
    WHERE venue_exchange IS NOT NULL
      AND UPPER(TRIM(venue_exchange)) NOT IN (SELECT spelling FROM exchange_spellings);

UPDATE applications SET venue_exchange = (SELECT s.code FROM exchange_spellings s
        WHERE s.spelling = UPPER(TRIM(applications.venue_exchange)))
    WHERE venue_exchange IS NOT NULL AND venue_exchange <> 'OTHER';

DROP TABLE exchange_spellings;
