"""Round 11, databases: drops, truncates and unqualified deletes or updates through the less
common clients and spellings (mariadb, cqlsh, clickhouse, influx, cockroach, sqlcmd, duckdb,
cypher-shell, search and document stores over HTTP), restores that drop the live data first,
data and log files removed under a running server, and servers opened to the network or with
their passwords turned off; next to the reads, narrow writes, dry runs and offline modes that
look like them."""

from __future__ import annotations

import pytest

from tests.safety_table import HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

DROPS_AND_WIPES = [
    ('mysql -uroot -p"$PW" -D shop --execute="DROP TABLE orders"', HIGH),
    ("mariadb -e 'DROP DATABASE wordpress'", HIGH),
    ('mysql --database=shop -e "truncate table orders"', HIGH),
    ("mysqladmin -uroot drop wordpress", HIGH),
    ("mysql -e 'DELETE FROM users WHERE 1' app", HIGH),
    ("mysql -e 'ALTER TABLE users DROP COLUMN password_hash' app", HIGH),
    ('psql -c "TRUNCATE TABLE audit_log RESTART IDENTITY"', HIGH),
    ("psql postgresql://u:p@prod.db:5432/app -c 'delete from users;'", HIGH),
    ('PGPASSWORD=x psql -h db -U app -c "DELETE FROM orders WHERE true"', HIGH),
    ("psql -c \"UPDATE users SET email = 'x@example.com'\"", HIGH),
    ("psql -c 'DROP TABLE IF EXISTS users CASCADE'", HIGH),
    ("psql -c 'DROP EXTENSION postgis CASCADE'", HIGH),
    ("psql -c 'ALTER TABLE users DROP COLUMN email'", HIGH),
    ("sqlite3 ~/.local/share/app/data.db 'DELETE FROM notes;'", HIGH),
    ("sqlite3 app.db <<< 'drop table users;'", HIGH),
    ("echo 'DROP TABLE users;' | sqlite3 app.db", HIGH),
    ("cqlsh -e 'DROP KEYSPACE analytics'", HIGH),
    ('cqlsh -e "TRUNCATE shop.orders"', HIGH),
    ("clickhouse-client --query 'DROP DATABASE logs'", HIGH),
    ('clickhouse-client -q "TRUNCATE TABLE events"', HIGH),
    ("cockroach sql -e 'DROP DATABASE bank CASCADE'", HIGH),
    ('sqlcmd -S localhost -Q "DROP DATABASE Sales"', HIGH),
    ('Invoke-Sqlcmd -Query "DROP TABLE dbo.Orders" -ServerInstance .', HIGH),
    ('duckdb analytics.duckdb "DROP TABLE events"', HIGH),
    ("cypher-shell 'MATCH (n) DETACH DELETE n'", HIGH),
    ("influx bucket delete --name metrics --org acme", HIGH),
    ("influx -execute 'DROP DATABASE telegraf'", HIGH),
    (
        "influx delete --bucket metrics --start 1970-01-01T00:00:00Z --stop 2030-01-01T00:00:00Z",
        HIGH,
    ),
    ("etcdctl del --prefix /", HIGH),
    ('etcdctl del "" --from-key=true', HIGH),
    ("ETCDCTL_API=3 etcdctl del /registry --prefix", HIGH),
    ("redis-cli -a secret flushall async", HIGH),
    ("redis-cli -n 2 FLUSHDB", HIGH),
    ("redis-cli --cluster call 10.0.0.1:6379 FLUSHALL", HIGH),
    ("echo FLUSHALL | redis-cli", HIGH),
    ("printf 'FLUSHALL\\r\\n' | nc localhost 6379", HIGH),
    ("redis-cli EVAL \"return redis.call('flushall')\" 0", HIGH),
    ("valkey-cli flushall", HIGH),
    ("keydb-cli FLUSHALL", HIGH),
    ("redis-cli SHUTDOWN NOSAVE", HIGH),
    ("redis-cli REPLICAOF 10.9.9.9 6379", HIGH),
    ("redis-cli -h 10.0.0.5 CONFIG SET dbfilename authorized_keys", HIGH),
    ('mongosh "mongodb://prod:27017/shop" --eval "db.orders.drop()"', HIGH),
    ("mongosh --quiet --eval 'db.getSiblingDB(\"app\").dropDatabase()'", HIGH),
    ("mongosh app --eval 'db.users.remove({})'", HIGH),
    ("mongosh app --eval 'db.users.updateMany({}, {$set: {role: \"admin\"}})'", HIGH),
    ("curl -X DELETE http://es:9200/products", HIGH),
    (
        "curl -XPOST 'localhost:9200/logs/_delete_by_query' -H 'Content-Type: application/json'"
        ' -d \'{"query":{"match_all":{}}}\'',
        HIGH,
    ),
    ('curl -X DELETE "https://opensearch.local:9200/*"', HIGH),
    ("curl -X DELETE http://localhost:5984/mydb", HIGH),
    ("curl -X DELETE 'http://admin:pw@localhost:5984/_users'", HIGH),
    (
        "curl -X POST http://localhost:8086/query --data-urlencode 'q=DROP DATABASE telegraf'",
        HIGH,
    ),
    ("curl -X DELETE http://localhost:6333/collections/docs", HIGH),
    ("http DELETE :9200/logs", HIGH),
    ("wget --method=DELETE -qO- localhost:9200/users", HIGH),
]

RESTORES_AND_FILES = [
    ("mongorestore --drop --db app dump/app", HIGH),
    ("mongorestore --drop dump/", HIGH),
    ("pg_restore --clean -d production app.dump", HIGH),
    ("pg_restore -c --if-exists -d app latest.dump", HIGH),
    ('sqlite3 app.db ".restore empty.db"', HIGH),
    ("etcdctl snapshot restore backup.db --data-dir /var/lib/etcd", HIGH),
    ("pg_dropcluster --stop 14 main", HIGH),
    ("sudo pg_dropcluster 15 main --stop", HIGH),
    ("sudo -u postgres pg_resetwal -f /var/lib/postgresql/14/main", HIGH),
    ("sudo rm -rf /var/lib/mongodb", HIGH),
    ("sudo rm /var/lib/redis/dump.rdb", HIGH),
    ("rm -rf /var/lib/elasticsearch/nodes", HIGH),
    ("sudo rm -rf /var/lib/influxdb", HIGH),
    ("sudo rm -rf /var/lib/etcd/member", HIGH),
    ("sudo truncate -s 0 /var/lib/mysql/ib_logfile0", HIGH),
    ("sudo truncate -s0 /var/lib/mysql/ibdata1", HIGH),
    ("sudo rm -f /var/lib/mysql/ib_logfile*", HIGH),
    ("sudo rm -f /var/lib/postgresql/14/main/pg_wal/*", HIGH),
]

OPENED_UP = [
    ("mysqladmin -u root password ''", HIGH),
    ("mysql -e \"ALTER USER 'root'@'localhost' IDENTIFIED BY ''\"", HIGH),
    ("mysql -e \"GRANT ALL PRIVILEGES ON *.* TO 'app'@'%' WITH GRANT OPTION\"", HIGH),
    ("mysqld --skip-grant-tables --bind-address=0.0.0.0", HIGH),
    (
        "sudo sed -i 's/^bind-address.*/bind-address = 0.0.0.0/' "
        "/etc/mysql/mysql.conf.d/mysqld.cnf",
        HIGH,
    ),
    ("echo 'bind 0.0.0.0' | sudo tee -a /etc/redis/redis.conf", HIGH),
    ('redis-cli CONFIG SET requirepass ""', HIGH),
    ("redis-server /etc/redis/redis.conf --protected-mode no", HIGH),
    ("docker run -d -p 6379:6379 redis --protected-mode no", HIGH),
    ("psql -c \"ALTER SYSTEM SET listen_addresses = '*'\"", HIGH),
    (
        "echo \"listen_addresses = '*'\" | sudo tee -a /var/lib/pgsql/data/postgresql.conf",
        HIGH,
    ),
    ("sudo sed -i 's/md5/trust/g' /etc/postgresql/15/main/pg_hba.conf", HIGH),
    ("sudo sed -i 's/scram-sha-256$/trust/' /var/lib/pgsql/data/pg_hba.conf", HIGH),
    ("mongod --bind_ip 0.0.0.0 --dbpath /data/db", HIGH),
    ("sudo sed -i 's/bindIp: 127.0.0.1/bindIp: 0.0.0.0/' /etc/mongod.conf", HIGH),
    (
        "sudo sed -i 's/authorization: enabled/authorization: disabled/' /etc/mongod.conf",
        HIGH,
    ),
    ("etcdctl auth disable", HIGH),
    (
        "curl -X PUT localhost:9200/_cluster/settings -H 'Content-Type: application/json' "
        '-d \'{"persistent":{"action.destructive_requires_name":false}}\'',
        HIGH,
    ),
]

EVERYDAY = [
    ("mysql -e \"SELECT COUNT(*) FROM orders WHERE status='new'\" shop", MODERATE),
    ("mariadb -e 'SHOW TABLES' wordpress", MODERATE),
    ("mysql -e \"SHOW GRANTS FOR 'app'@'%'\"", MODERATE),
    ("mysql -e \"CREATE USER 'app'@'localhost' IDENTIFIED BY 's3cret'\"", MODERATE),
    ("mysqldump --single-transaction --all-databases > all.sql", MODERATE),
    ("mysqlcheck --all-databases", MODERATE),
    ('psql -c "DELETE FROM users WHERE id = 42"', MODERATE),
    (
        "psql -c \"BEGIN; DELETE FROM carts WHERE updated_at < now() - interval '30 days';"
        ' COMMIT;"',
        MODERATE,
    ),
    ("psql -c 'EXPLAIN DELETE FROM orders'", MODERATE),
    ("psql -c 'SELECT * FROM pg_stat_activity'", MODERATE),
    ('psql -c "UPDATE users SET last_login = now() WHERE id = 7"', MODERATE),
    ("psql -c 'CREATE TABLE t (id int)'", MODERATE),
    ('psql -c "CREATE INDEX CONCURRENTLY idx_email ON users(email)"', MODERATE),
    ("psql -c 'VACUUM FULL'", MODERATE),
    ("psql -c 'REINDEX DATABASE app'", MODERATE),
    ("psql -c '\\l'", MODERATE),
    ("pg_dump -Fc app -f app.dump", MODERATE),
    ("pg_restore -l app.dump", MODERATE),
    ("pg_restore -d app_test app.dump", MODERATE),
    ("pg_restore --clean -f out.sql app.dump", MODERATE),
    ("mongorestore --dryRun --drop dump/", MODERATE),
    ("mongorestore --db app_copy dump/app", MODERATE),
    ("mongosh app --eval 'db.users.countDocuments({})'", MODERATE),
    ("mongosh --eval 'db.users.deleteOne({_id: ObjectId(\"65f0c0ffee\")})'", MODERATE),
    ("mongosh app --eval 'db.sessions.deleteMany({expires: {$lt: new Date()}})'", MODERATE),
    ("mongoexport --db app --collection users --out users.json", MODERATE),
    ("mongod --bind_ip 127.0.0.1 --auth --dbpath ./data", MODERATE),
    ("redis-cli --bigkeys", MODERATE),
    ("redis-cli DBSIZE", MODERATE),
    ("redis-cli CONFIG GET maxmemory", MODERATE),
    ("redis-cli -n 3 KEYS 'user:*'", MODERATE),
    ("redis-cli UNLINK cache:home", MODERATE),
    ("redis-cli --scan --pattern 'tmp:*' | xargs -r redis-cli del", MODERATE),
    ("redis-cli BGSAVE", MODERATE),
    ("redis-server --bind 127.0.0.1 --port 6380", MODERATE),
    ("sqlite3 -readonly app.db 'SELECT count(*) FROM users'", MODERATE),
    ("sqlite3 app.db '.schema users'", MODERATE),
    ('sqlite3 app.db ".backup backup.db"', MODERATE),
    ("sqlite3 new.db < schema.sql", MODERATE),
    ("sqlite3 app.db 'VACUUM'", MODERATE),
    ("cqlsh -e 'DESCRIBE KEYSPACES'", MODERATE),
    ("clickhouse-client -q 'SELECT count() FROM events'", MODERATE),
    ("influx bucket list", MODERATE),
    ("influx query 'from(bucket:\"m\") |> range(start: -1h)'", MODERATE),
    ("etcdctl get / --prefix --keys-only", MODERATE),
    ("etcdctl snapshot save backup.db", MODERATE),
    ("etcdctl endpoint health", MODERATE),
    ("etcdctl del /app/config/feature_x", MODERATE),
    ("curl -s 'localhost:9200/_cat/health?v'", MODERATE),
    (
        "curl -X POST localhost:9200/logs/_search -H 'Content-Type: application/json'"
        ' -d \'{"query":{"match_all":{}}}\'',
        MODERATE,
    ),
    ("curl -X DELETE localhost:9200/logs/_doc/42", MODERATE),
    ("curl -X DELETE localhost:9200/_search/scroll/_all", MODERATE),
    ("curl http://localhost:5984/_all_dbs", MODERATE),
    ("cypher-shell 'MATCH (n) RETURN count(n)'", MODERATE),
    ('sqlcmd -S localhost -Q "SELECT name FROM sys.databases"', MODERATE),
    ("duckdb -c \"SELECT * FROM 'data.parquet' LIMIT 5\"", MODERATE),
    ("docker run -d -p 127.0.0.1:5432:5432 -e POSTGRES_PASSWORD=pw postgres", MODERATE),
    ("RAILS_ENV=test rails db:reset", MODERATE),
    ("python manage.py sqlflush", MODERATE),
    ("python manage.py migrate --plan", MODERATE),
    ("alembic downgrade base --sql", MODERATE),
    ('echo "DROP DATABASE x" > notes.txt', MODERATE),
    ("grep -n 'DROP TABLE' migrations/*.sql", SAFE),
    ("cat schema.sql | grep -i truncate", SAFE),
    ("git log -S 'DROP TABLE' --oneline", SAFE),
    ("psql --help", SAFE),
]

DANGEROUS = DROPS_AND_WIPES + RESTORES_AND_FILES + OPENED_UP


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), EVERYDAY)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
