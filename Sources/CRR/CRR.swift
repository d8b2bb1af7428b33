public enum CRRModule {}
