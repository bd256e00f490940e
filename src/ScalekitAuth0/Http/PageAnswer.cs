using System;

namespace ScalekitAuth0.Http
{
    /// <summary>A web page's answer as a browser sees it before following anything: status, where it redirects to, and the body.</summary>
    internal sealed class PageAnswer
    {
        public PageAnswer(int status, Uri? location, string body)
        {
            Status = status;
            Location = location;
            Body = body;
        }

        public int Status { get; }

        /// <summary>The absolute <c>Location</c> of a redirect; null when the answer has none.</summary>
        public Uri? Location { get; }

        public string Body { get; }

        public bool IsRedirect => Status >= 300 && Status < 400;
    }
}
