public enum JSONSchemaModule {}
