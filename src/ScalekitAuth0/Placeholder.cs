namespace ScalekitAuth0 { internal static class Placeholder { } }
