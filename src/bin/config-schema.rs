//! Prints the JSON Schema of the clinic configuration (built with `--features schema`):
//! `cargo run --features schema --bin config-schema > schema/config.schema.json`.

fn main() {
    print!("{}", skin_consult::config::schema::config_schema_json());
}
